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
            400 | {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}} | CLIENT_ERROR
            401 | {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}    | AUTH_ERROR
            402 | {"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low"}} | AUTH_ERROR
            403 | {"type":"error","error":{"type":"permission_error","message":"not allowed"}}              | AUTH_ERROR
            404 | {"type":"error","error":{"type":"not_found_error","message":"model: claude-9"}}           | MODEL_UNAVAILABLE
            404 | {"type":"error","error":{"type":"not_found_error","message":"Not Found"}}                 | CLIENT_ERROR
            429 | {"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}} | RATE_LIMITED
            500 | {"type":"error","error":{"type":"api_error","message":"Internal server error"}}           | SERVER_ERROR
            400 | {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}} | AUTH_ERROR
            400 | {"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}} | CLIENT_ERROR
            403 | {"error":{"code":403,"message":"Method does not allow unregistered callers","status":"PERMISSION_DENIED"}} | AUTH_ERROR
            404 | {"error":{"code":404,"message":"models/gemini-9 is not found for API version v1beta","status":"NOT_FOUND"}} | MODEL_UNAVAILABLE
            429 | {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}} | RATE_LIMITED
            500 | {"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}    | SERVER_ERROR
            503 | {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}        | SERVER_ERROR
            401 | {"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint."}} | AUTH_ERROR
            404 | {"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}} | MODEL_UNAVAILABLE
            404 | {"error":{"code":"404","message":"Resource not found"}}                                   | CLIENT_ERROR
            429 | {"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded call rate limit."}} | RATE_LIMITED
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
    void errorEventsMidStreamAreTheProvidersFailuresUnlessTheirCodeSaysOtherwise() {
        assertThat(OutcomeClassifier.forStreamError(error("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}")))
                .isEqualTo(Outcome.SERVER_ERROR);
        assertThat(OutcomeClassifier.forStreamError(error("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}")))
                .isEqualTo(Outcome.RATE_LIMITED);
        assertThat(OutcomeClassifier.forStreamError(error("{\"error\":{\"message\":\"boom\"}}")))
                .isEqualTo(Outcome.SERVER_ERROR);
    }

    @Test
    void googleErrorsReportTheirReasonElseTheirStatus() {
        assertThat(error("{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"reason\":"
                + "\"API_KEY_INVALID\"}]}}").reportedCode()).isEqualTo("API_KEY_INVALID");
        assertThat(error("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}").reportedCode())
                .isEqualTo("RESOURCE_EXHAUSTED");
    }

    @Test
    void errorCodeIsTheProvidersCodeElseItsType() {
        ProviderError overloaded = ProviderError.parse(JSON,
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(overloaded.reportedCode()).isEqualTo("overloaded_error");
        assertThat(overloaded.message()).isEqualTo("Overloaded");
    }

    private static ProviderError error(String body) {
        return ProviderError.parse(JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
