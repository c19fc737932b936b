package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Pushes meters to Google Cloud Monitoring (Stackdriver) in project {@code project-id} every
 * {@code step}; credentials come from Google's application default credentials.
 */
public record StackdriverExport(
        @JsonProperty("project-id") String projectId,
        @JsonProperty("step") Duration step) {

    // Google's rule for project ids: 6 to 30 lowercase letters, digits or hyphens, starting with a letter.
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

    public StackdriverExport {
        projectId = Check.requiredText("project-id", projectId);
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new InvalidValueException("project-id", "'" + projectId
                    + "' is not a Google Cloud project id (6 to 30 lowercase letters, digits or hyphens)");
        }
        step = Check.positive("step", step, Duration.ofMinutes(1));
    }
}
