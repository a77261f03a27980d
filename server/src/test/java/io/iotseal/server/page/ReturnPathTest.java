package io.iotseal.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/vendor", "/account/tokens", "/registry?q=camera&page=2", "/l/ABC"})
    void pathsOnThisSiteAreFollowed(String path) {
        assertThat(ReturnPath.safe(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "//evil.example", "/\\evil.example", "https://evil.example/", "vendor",
            "/a\r\nSet-Cookie: x=1", "/a b", "/x\\y", "/login", "/login?error", "/logout", "javascript:alert(1)"})
    void anythingThatCouldLeaveTheSiteOrLoopIsDropped(String path) {
        assertThat(ReturnPath.safe(path)).isNull();
    }
}
