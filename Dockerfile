# The dyadstream app image. Build the jar first: mvn -q -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/dyadstream.jar /app/dyadstream.jar
COPY topics.yaml /app/topics.yaml
ENTRYPOINT ["java", "-jar", "/app/dyadstream.jar"]
CMD ["run"]
