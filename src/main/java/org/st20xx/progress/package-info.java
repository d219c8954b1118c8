/**
 * How a batch shows its progress: a live view redrawn by JLine on a terminal (one line per running
 * phone and a total line), plain log lines otherwise. The only package that uses JLine.
 */
package org.st20xx.progress;
