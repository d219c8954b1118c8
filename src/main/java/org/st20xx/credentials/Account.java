package org.st20xx.credentials;

import java.util.Objects;

/** A user name and its password. Prints as {@code user/****}. */
public record Account(String user, Secret password) {
    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return user + "/" + Secret.MASK;
    }
}
