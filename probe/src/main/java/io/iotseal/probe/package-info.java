/** The device probe: network checks of a device under test, mapped to baseline requirements. */
package io.iotseal.probe;
