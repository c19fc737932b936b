package dev.llmuptime.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmuptime.schema.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One table for every status code and error body a provider answers with. */
class OutcomeClassifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | {"error":{"message":"Invalid value","type":"invalid_request_error","code":null}}        | CLIENT_ERROR
            400 | {"error":{"message":"bad model","type":"invalid_request_error","code":"model_not_found"}} | MODEL_UNAVAILABLE
            401 | {"error":{"message":"Incorrect API key","type":"invalid_request_error","code":"invalid_api_key"}} | AUTH_ERROR
            403 | {"error":{"message":"Country not supported","code":"unsupported_country_region_territory"}} | AUTH_ERROR
            404 | {"error":{"message":"The model `x` does not exist","code":"model_not_found"}}            | MODEL_UNAVAILABLE
            404 | {"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404} | MODEL_UNAVAILABLE
            404 | {"error":"model 'llama9' not found, try pulling it first"}                                | MODEL_UNAVAILABLE
            404 | {"error":{"message":"Unknown request URL: POST /v1/chat","code":"unknown_url"}}          | CLIENT_ERROR
            405 | ''                                                                                        | CLIENT_ERROR
            408 | ''                                                                                        | TIMEOUT
            409 | ''                                                                                        | CLIENT_ERROR
            413 | ''                                                                                        | CLIENT_ERROR
            422 | {"detail":"validation error"}                                                             | CLIENT_ERROR
            429 | {"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}} | RATE_LIMITED
            429 | {"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}} | AUTH_ERROR
            429 | ''                                                                                        | RATE_LIMITED
            500 | {"error":{"message":"The server had an error","type":"server_error"}}                     | SERVER_ERROR
            502 | <html>Bad Gateway</html>                                                                  | SERVER_ERROR
            503 | {"error":{"message":"The engine is currently overloaded","type":"server_error"}}          | SERVER_ERROR
            504 | ''                                                                                        | SERVER_ERROR
            529 | {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}               | SERVER_ERROR
            301 | ''                                                                                        | INVALID_RESPONSE
            """)
    void statusAndBody(int status, String body, Outcome expected) {
        ProviderError error = ProviderError.parse(JSON, body.getBytes(StandardCharsets.UTF_8));

        assertThat(OutcomeClassifier.forStatus(status, error)).isEqualTo(expected);
    }

    @Test
    void everyStatusCodeHasAnOutcome() {
        for (int status = 100; status < 600; status++) {
            assertThat(OutcomeClassifier.forStatus(status, ProviderError.NONE)).as("HTTP %d", status).isNotNull()
                    .isNotEqualTo(Outcome.SUCCESS).isNotEqualTo(Outcome.SLOW);
        }
    }

    @Test
    void failuresBeforeAnAnswer() {
        assertThat(OutcomeClassifier.forFailure(new TimeoutException())).isEqualTo(Outcome.TIMEOUT);
        assertThat(OutcomeClassifier.forFailure(new ConnectException("Connection refused")))
                .isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(OutcomeClassifier.forFailure(new UnknownHostException("api.example"))).isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(OutcomeClassifier.forFailure(new SSLHandshakeException("bad certificate")))
                .isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(OutcomeClassifier.forFailure(new IOException("Connection reset by peer")))
                .isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(OutcomeClassifier.forFailure(new ResponseTooLargeException(1024 * 1024)))
                .isEqualTo(Outcome.INVALID_RESPONSE);
        assertThat(OutcomeClassifier.forFailure(new RuntimeException(new ConnectException("wrapped"))))
                .isEqualTo(Outcome.CONNECTION_ERROR);
    }

    @Test
    void errorCodeIsTheProvidersCodeElseItsType() {
        ProviderError overloaded = ProviderError.parse(JSON,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(overloaded.reportedCode()).isEqualTo("overloaded_error");
        assertThat(overloaded.message()).isEqualTo("Overloaded");
    }
}
