/**
 * YAML read into a tree that remembers where every key and value stands (file, line, column),
 * so that the loaders of the firmware matrix, playbooks and credentials can report each
 * problem as {@code file:line:col: what is wrong}. Jackson's own tree forgets locations.
 */
package org.st20xx.yaml;
