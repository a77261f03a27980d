package io.iotseal.server.web;

import io.iotseal.label.LabelLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that will be printed on a label (a product's names and model numbers, a version, a vendor's name)
 * meets the label's limits ({@link LabelLimits#checkText}: UTF-8 bytes, no control or invisible characters,
 * no leading or trailing spaces) when it is written, so that a vendor learns it at once and not when its
 * accepted assessment cannot be labelled (ADR 0068). Blank and null are left to {@code @NotBlank}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LabelText.Check.class)
public @interface LabelText {

    /** The limit in UTF-8 bytes: one of {@link LabelLimits}' constants. */
    int bytes();

    String message() default "does not fit the label";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<LabelText, String> {
        private int bytes;

        @Override
        public void initialize(LabelText annotation) {
            bytes = annotation.bytes();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = problem(value, bytes);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
            return false;
        }

        /** Why the text does not fit the label (without the field name), or null. */
        public static String problem(String value, int bytes) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                LabelLimits.checkText(value, "", bytes);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage().strip();
            }
        }

        /** The message is a template: the value quoted in it must not be read as a parameter or expression. */
        public static String escape(String message) {
            return message.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
