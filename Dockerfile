# The dyadstream app image. Build the jar first: mvn -q -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/dyadstream.jar /app/dyadstream.jar
COPY topics.yaml /app/topics.yaml
# The app's measured memory settings (README, Performance): a 256 MB heap holds the enricher and Kafka
# Streams' buffers; two malloc arenas keep RocksDB's native allocations from many threads compact.
# Override either with `docker run -e JDK_JAVA_OPTIONS=... -e MALLOC_ARENA_MAX=...`.
ENV JDK_JAVA_OPTIONS="-Xmx256m" \
    MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app/dyadstream.jar"]
CMD ["run"]
