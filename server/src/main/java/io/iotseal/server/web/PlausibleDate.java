package io.iotseal.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date with a four-digit year from 1970 on (ADR 0068). JSON lets a client write {@code +999999999-12-31};
 * such a date cannot be written as an RFC 3339 / XML Schema date in a label, nor as a JWT NumericDate, and
 * PostgreSQL refuses it, so it is refused when written rather than failing later at issuance.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleDate.Check.class)
public @interface PlausibleDate {

    String message() default "must be a date between 1970-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PlausibleDate, LocalDate> {
        private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
        private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && !value.isAfter(LAST));
        }
    }
}
