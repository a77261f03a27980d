package io.iotseal.server.organization;

import io.iotseal.server.access.OrganizationKind;

import io.iotseal.label.LabelLimits;
import io.iotseal.server.web.LabelText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A vendor's name is printed on its labels, so it meets the label's limit for it when written ({@link LabelText});
 * other organizations' names are not on labels and keep the longer limit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VendorNameFitsLabel.Check.class)
public @interface VendorNameFitsLabel {

    String message() default "does not fit the label";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<VendorNameFitsLabel, OrganizationInput> {
        @Override
        public boolean isValid(OrganizationInput input, ConstraintValidatorContext context) {
            String problem = input == null || input.kind() != OrganizationKind.VENDOR ? null
                    : LabelText.Check.problem(input.name(), LabelLimits.VENDOR_BYTES);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(LabelText.Check.escape(problem)).addPropertyNode("name")
                    .addConstraintViolation();
            return false;
        }
    }
}
