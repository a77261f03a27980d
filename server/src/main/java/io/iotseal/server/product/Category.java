package io.iotseal.server.product;

/**
 * Product categories. The last three are general-purpose devices that consumer IoT labelling schemes
 * (ETSI EN 303 645's scope, JC-STAR) leave out; which schemes exclude them is scheme data, see {@link ScopePolicy}.
 */
public enum Category {
    ROUTER, CAMERA, SMART_SPEAKER, SMART_TV, SMART_LOCK, SMART_PLUG, SMART_LIGHT, THERMOSTAT, HUB, SENSOR,
    WEARABLE, TOY, HOME_APPLIANCE, NETWORK_STORAGE, PRINTER, MEDICAL_WELLNESS, OTHER_IOT,
    GENERAL_PURPOSE_COMPUTER, SMARTPHONE, TABLET;

    public boolean generalPurpose() {
        return this == GENERAL_PURPOSE_COMPUTER || this == SMARTPHONE || this == TABLET;
    }
}
