package io.iotseal.cli;

/** Bad input from the user (an option, an id, a file): reported in one line, exit code 2. */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }

    UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
