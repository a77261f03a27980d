package io.iotseal.vex;

/**
 * The product version a CycloneDX VEX document is about ({@code metadata.component}).
 *
 * @param name    the product's name
 * @param version the product version, or null
 * @param vendor  the vendor's name, written as the supplier, or null
 * @param bomRef  the {@code bom-ref} to give the product (the SBOM's, so the two documents link), or null
 */
public record ProductRef(String name, String version, String vendor, String bomRef) {

    public ProductRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a product needs a name");
        }
    }
}
