package org.st20xx.convert;

/** The phone answered that the login is incorrect. */
public class LoginFailedException extends StepFailedException {
    public LoginFailedException(String message) {
        super("login", message, null);
    }
}
