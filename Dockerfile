# One multi-stage build for the three services and local-stack: a Maven stage builds every jar
# once, and each image (target probe-producer, aggregator-streams, alert-consumer or local-stack)
# takes its own jar onto a JRE 17 base, running as a non-root user. docker-compose.yml builds all four.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre AS runtime
# curl serves the health checks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin monitor \
 && mkdir -p /app/.local-data \
 && chown -R monitor /app
WORKDIR /app
USER monitor

FROM runtime AS probe-producer
COPY --from=build /src/probe-producer/target/probe-producer.jar /app/probe-producer.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/probe-producer.jar", "--config", "/etc/llm-uptime/monitor.yaml"]

FROM runtime AS aggregator-streams
COPY --from=build /src/aggregator-streams/target/aggregator-streams.jar /app/aggregator-streams.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/aggregator-streams.jar", "--config", "/etc/llm-uptime/monitor.yaml"]

FROM runtime AS alert-consumer
COPY --from=build /src/alert-consumer/target/alert-consumer.jar /app/alert-consumer.jar
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/app/alert-consumer.jar", "--config", "/etc/llm-uptime/monitor.yaml"]

FROM runtime AS local-stack
# Run in compose as the simulated provider: --simulator-only --simulator-host 0.0.0.0.
COPY --from=build /src/local-stack/target/local-stack.jar /app/local-stack.jar
EXPOSE 8090
ENTRYPOINT ["java", "-jar", "/app/local-stack.jar"]
