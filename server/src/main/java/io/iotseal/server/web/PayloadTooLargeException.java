package io.iotseal.server.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the cap (a body without Content-Length). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
