package io.iotseal.server.registry;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label search's filters for the API document, on both the search and the export: the handlers read
 * the raw query string ({@link LabelFilter}), so springdoc cannot see them by itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "scheme", in = ParameterIn.QUERY, description = "scheme id, e.g. jc-star"),
        @Parameter(name = "level", in = ParameterIn.QUERY, description = "level id, e.g. star-1"),
        @Parameter(name = "status", in = ParameterIn.QUERY, description = "valid, suspended, revoked or expired"),
        @Parameter(name = "vendorId", in = ParameterIn.QUERY, description = "the vendor organization's id"),
        @Parameter(name = "vendor", in = ParameterIn.QUERY, description = "the vendor's name contains this (any case)"),
        @Parameter(name = "modelNumber", in = ParameterIn.QUERY, description = "a model number, exactly"),
        @Parameter(name = "gtin", in = ParameterIn.QUERY, description = "a GTIN or JAN barcode (check digit verified)"),
        @Parameter(name = "category", in = ParameterIn.QUERY, description = "product category, e.g. ROUTER"),
        @Parameter(name = "validUntilBefore", in = ParameterIn.QUERY, description = "expiry day before (yyyy-mm-dd)"),
        @Parameter(name = "validUntilAfter", in = ParameterIn.QUERY, description = "expiry day after (yyyy-mm-dd)"),
        @Parameter(name = "supportEndBefore", in = ParameterIn.QUERY, description = "support period end before (yyyy-mm-dd)"),
        @Parameter(name = "supportEndAfter", in = ParameterIn.QUERY, description = "support period end after (yyyy-mm-dd)"),
        @Parameter(name = "sort", in = ParameterIn.QUERY, description = "issued, validUntil, supportEnd, labelId, vendor or"
                + " registrationNumber; a leading '-' for descending (default -issued)")
})
@interface LabelFilterParameters {
}
