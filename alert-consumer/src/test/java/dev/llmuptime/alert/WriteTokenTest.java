package dev.llmuptime.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmuptime.config.Secret;
import org.junit.jupiter.api.Test;

/** Who may write: 401 without a bearer token, 403 with a wrong one or when none is configured. */
class WriteTokenTest {

    private final WriteToken token = new WriteToken(Secret.of("tok-1234"));

    @Test
    void theRightTokenIsAllowed() {
        assertThat(token.refusal("Bearer tok-1234")).isEmpty();
        assertThat(token.refusal("bearer tok-1234")).as("the scheme is case-insensitive").isEmpty();
    }

    @Test
    void noTokenIs401() {
        assertThat(token.refusal(null)).get().extracting(ApiProblem::status).isEqualTo(401);
        assertThat(token.refusal("Basic dXNlcjpwYXNz")).get().extracting(ApiProblem::status).isEqualTo(401);
    }

    @Test
    void aWrongTokenIs403AndTheAnswerDoesNotShowTheRightOne() {
        assertThat(token.refusal("Bearer tok-12345")).get().satisfies(problem -> {
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.getMessage()).doesNotContain("tok-1234");
        });
        assertThat(token.refusal("Bearer ")).get().extracting(ApiProblem::status).isEqualTo(403);
    }

    @Test
    void withoutAConfiguredTokenEveryWriteIs403() {
        WriteToken off = new WriteToken(Secret.none());

        assertThat(off.refusal("Bearer anything")).get().extracting(ApiProblem::status).isEqualTo(403);
        assertThat(off.refusal(null)).get().extracting(ApiProblem::status).isEqualTo(403);
    }
}
