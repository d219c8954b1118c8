/**
 * Playbooks: the console dialogue of a phone family as data (prompts, login, identification,
 * the steps of a hop with their success and failure patterns and timeouts, reboot timing, how to
 * enable telnet through the web page), read from {@code playbooks/*.yaml} and validated.
 */
package org.st20xx.playbook;
