package io.iotseal.scheme;

import static io.iotseal.catalog.Checks.listOrEmpty;
import static io.iotseal.catalog.Checks.required;

import io.iotseal.catalog.Confidence;
import io.iotseal.catalog.LocalizedText;
import java.util.List;

/**
 * Which products a scheme covers (ISO/IEC 27404 asks each scheme to define it). {@code ipRequired}: the
 * product must send and receive data over the Internet Protocol; {@code viaAnotherDevice}: a product that
 * does so only through another device counts (JC-STAR); {@code excludes}: device classes left out by name.
 * A missing {@code ipRequired} or {@code viaAnotherDevice} means the data does not say.
 */
public record ProductScope(Boolean ipRequired, Boolean viaAnotherDevice, List<DeviceClass> excludes,
                           LocalizedText note, Confidence confidence, List<String> sources) {

    public ProductScope {
        excludes = listOrEmpty(excludes);
        required(note, "note");
        required(confidence, "confidence");
        sources = listOrEmpty(sources);
    }

    /** Whether a product is in this scope, and why, in English. */
    public record Decision(boolean inScope, String reason) {
    }

    /**
     * Decides for a product of {@code deviceClass} ({@code null} when it is none of the named classes) that
     * can ({@code ipCapable}) send and receive data over IP, directly or through another device.
     */
    public Decision decide(DeviceClass deviceClass, boolean ipCapable) {
        if (deviceClass != null && excludes.contains(deviceClass)) {
            return new Decision(false, "out of scope: the scheme excludes the device class " + deviceClass.code()
                    + " (excluded: " + String.join(", ", excludes.stream().map(DeviceClass::code).toList()) + ")");
        }
        if (Boolean.TRUE.equals(ipRequired) && !ipCapable) {
            return new Decision(false, "out of scope: the product cannot send or receive data over the Internet"
                    + " Protocol" + (Boolean.TRUE.equals(viaAnotherDevice) ? ", not even through another device" : ""));
        }
        return new Decision(true, "in scope: an IP-capable IoT product"
                + (Boolean.TRUE.equals(viaAnotherDevice) ? " (directly or through another device)" : ""));
    }
}
