/**
 * Accounts for the phones' consoles and web pages: from a credentials file (YAML, one profile per
 * protocol plus {@code web}), environment variables, or the seed's defaults; never from
 * command-line arguments. Passwords are {@link org.st20xx.credentials.Secret}s, which never print.
 */
package org.st20xx.credentials;
