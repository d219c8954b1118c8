/**
 * What st20xx prints and writes for people and scripts: plans as a checklist or JSON, reports,
 * and the atomic file writing every report and journal goes through.
 */
package org.st20xx.report;
