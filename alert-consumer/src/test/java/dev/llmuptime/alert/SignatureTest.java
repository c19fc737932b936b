package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final byte[] BODY = "{\"alertId\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnIndependentHmacSha256() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'whsec-test', b'1764151200.' + b'{\"alertId\":\"a\"}',
        //     hashlib.sha256).hexdigest())"
        String expected = "5b993ba9621978d895c1f5b56e0cd5254a2a3c545f89bac5355574ec36f7f710";

        String header = Signature.header("whsec-test", 1764151200L, "{\"alertId\":\"a\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("t=1764151200,v1=" + expected);
    }

    @Test
    void verifiesWhatItSignedAndNothingElse() {
        String header = Signature.header("whsec-test", 1764151200L, BODY);

        assertThat(Signature.verify(header, BODY, "whsec-test")).isTrue();
        assertThat(Signature.verify(header, BODY, "whsec-other")).isFalse();
        assertThat(Signature.verify(header, "{\"alertId\":\"b\"}".getBytes(StandardCharsets.UTF_8), "whsec-test"))
                .isFalse();
        assertThat(Signature.verify(header.replace("t=1764151200", "t=1764151201"), BODY, "whsec-test")).isFalse();
    }

    @Test
    void rejectsAbsentAndMalformedHeaders() {
        String signature = Signature.hmac("whsec-test", 1764151200L, BODY);

        assertThat(Signature.verify(null, BODY, "whsec-test")).isFalse();
        assertThat(Signature.verify("", BODY, "whsec-test")).isFalse();
        assertThat(Signature.verify("v1=" + signature, BODY, "whsec-test")).isFalse();
        assertThat(Signature.verify("t=soon,v1=" + signature, BODY, "whsec-test")).isFalse();
        assertThat(Signature.verify("t=1764151200,v1=", BODY, "whsec-test")).isFalse();
    }
}
