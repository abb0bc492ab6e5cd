# One image recipe for every service: docker build --build-arg SERVICE=intake-service .
# Stage 1 builds the chosen module with the Maven wrapper; stage 2 runs it on a JRE.
FROM eclipse-temurin:25-jdk AS build
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
# aot.enabled makes the application's main honour -Dquarkus.appcds.generate (start, then exit) for the training below;
# the cache this build step also writes belongs to this JDK image and is not copied.
RUN ./mvnw -B -ntp -q -pl ${SERVICE} -am package -DskipTests \
    -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.phase=BUILD -Dquarkus.package.jar.aot.type=AOT

FROM eclipse-temurin:25-jre
ARG SERVICE
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 185 meridian
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/lib/ lib/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/*.jar ./
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/app/ app/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/quarkus/ quarkus/
# UTC: FHIR date searches without an offset read as UTC whatever zone the host runs in (platform DateSearch).
# Sizes of intake and outcomes (docs/performance.md); compose gives the gateway its smaller ones.
ENV JAVA_OPTS="-Duser.timezone=UTC -Dvertx.disableURIValidation=true -XX:+UseSerialGC -Xms32m -Xmx160m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m -XX:TrimNativeHeapInterval=2000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# Two malloc arenas instead of up to 8 per core: the JVM's own allocations are few, and every thread's arena is memory.
ENV MALLOC_ARENA_MAX=2
# The JDK AOT cache (JEP 483/514/515, docs/performance.md) is recorded here, by the JRE that runs the service: a cache
# only serves the JDK build and the jars it was recorded with. This training run starts the application as far as it
# goes without a database or a network (Quarkus's own build-time training); scripts/run.sh trains on a running stack.
RUN java $JAVA_OPTS -XX:AOTCacheOutput=app.aot -Dquarkus.appcds.generate=true -jar quarkus-run.jar >/dev/null
USER 185
# -XX:AOTCache: without a usable cache the JVM logs one line and starts without it.
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/app/app.aot $JAVA_OPTS -jar /app/quarkus-run.jar"]
