package org.st20xx.convert;

import java.time.Duration;
import org.st20xx.plan.Hop;
import org.st20xx.plan.Plan;

/** What happens while one phone is converted, for live progress, logs and the batch view. */
public sealed interface ConversionEvent {
    /** The phone, as {@code host:port}. */
    String phone();

    record Connected(String phone, boolean telnetEnabledByUs) implements ConversionEvent {
    }

    record Identified(String phone, Identity identity) implements ConversionEvent {
    }

    record Planned(String phone, Plan plan) implements ConversionEvent {
    }

    record HopStarted(String phone, Hop hop, int hops) implements ConversionEvent {
    }

    /** A console step starts; {@code line} is what is typed, secrets masked. */
    record StepStarted(String phone, Hop hop, int step, int steps, String name, String describe, String line)
            implements ConversionEvent {
    }

    record StepDone(String phone, Hop hop, int step, int steps, String name, Duration took) implements ConversionEvent {
    }

    /** Waiting on the phone (a reboot); {@code what} says for what. */
    record Waiting(String phone, Hop hop, String what) implements ConversionEvent {
    }

    record HopDone(String phone, Hop hop, Identity now) implements ConversionEvent {
    }

    record Warning(String phone, String message) implements ConversionEvent {
    }
}
