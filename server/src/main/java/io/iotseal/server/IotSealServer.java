package io.iotseal.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The IoTSeal registry server ({@code ./iotseal serve}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IotSealServer {

    public static void main(String[] args) {
        SpringApplication.run(IotSealServer.class, args);
    }
}
