package org.st20xx.convert;

/** Receives {@link ConversionEvent}s; must be quick and must not throw. */
@FunctionalInterface
public interface ConversionListener {
    void on(ConversionEvent event);

    ConversionListener NONE = e -> { };
}
