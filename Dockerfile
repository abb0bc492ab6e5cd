# One image recipe for every service: docker build --build-arg SERVICE=intake-service .
# Stage 1 builds the chosen module with the Maven wrapper; stage 2 runs it on a JRE.
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY event-contract/pom.xml event-contract/pom.xml
COPY telemetry/pom.xml telemetry/pom.xml
COPY platform/pom.xml platform/pom.xml
COPY platform-test/pom.xml platform-test/pom.xml
COPY intake-service/pom.xml intake-service/pom.xml
COPY outcomes-service/pom.xml outcomes-service/pom.xml
COPY gateway/pom.xml gateway/pom.xml
COPY keycloak-smart-launch/pom.xml keycloak-smart-launch/pom.xml
RUN ./mvnw -B -ntp -q -pl ${SERVICE} -am dependency:go-offline -DexcludeTransitive=false || true
COPY event-contract/src event-contract/src
COPY telemetry/src telemetry/src
COPY platform/src platform/src
COPY platform-test/src platform-test/src
COPY intake-service/src intake-service/src
COPY outcomes-service/src outcomes-service/src
COPY gateway/src gateway/src
RUN ./mvnw -B -ntp -q -pl ${SERVICE} -am package -DskipTests

FROM eclipse-temurin:21-jre
ARG SERVICE
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 185 meridian
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/lib/ lib/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/*.jar ./
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/app/ app/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/quarkus/ quarkus/
USER 185
# UTC: FHIR date searches without an offset read as UTC whatever zone the host runs in (platform DateSearch).
ENV JAVA_OPTS="-Duser.timezone=UTC -Xmx384m -XX:+UseSerialGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
