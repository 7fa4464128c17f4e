package io.dyadstream.enrich;

import io.dyadstream.app.BenchCorpus;
import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.RawStory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The enricher and its parts, one story per operation, over a fixed seeded corpus of generated stories
 * ({@link BenchCorpus}, the corpus of {@code dyadstream bench}). Each part gets its inputs made once, in
 * the set-up, by the parts before it, as {@link Enricher#enrich(RawStory)} makes them:
 *
 * <ul>
 *   <li>{@code tokenize}: {@link Tokenizer#tokenize(String, Vocabulary)}, the tokens and their vocabulary ids;</li>
 *   <li>{@code splitSentences}: {@link SentenceSplitter#split(String, List, int)};</li>
 *   <li>{@code roleMatches}: the role phrases of each sentence ({@link RoleMatches});</li>
 *   <li>{@code extractEntities}: {@link EntityExtractor#extract} and the dates ({@link DateFinder#find});</li>
 *   <li>{@code tagRelations}: {@link RelationTagger#tag};</li>
 *   <li>{@code enrich}: the whole {@link Enricher#enrich(RawStory)}, dateline and output entities included.</li>
 * </ul>
 *
 * <p>The primary score is stories/s ("ops/s"); the secondary score {@code mb} is millions of
 * characters of story text per second (the generated stories are ASCII: MB/s, counted as
 * {@code dyadstream bench} counts it). Run: {@code mvn -Pjmh -DskipTests package && java -jar target/benchmarks.jar}
 * (a regex selects benchmarks: {@code java -jar target/benchmarks.jar tokenize}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class EnricherBenchmark {

    /**
     * Stories in the corpus: cycled through, one per operation. Few enough that the parts' inputs,
     * made in the set-up, stay in the caches (as they do in {@link Enricher#enrich}, which has just made them).
     */
    @Param("500")
    public int stories;

    /** The corpus' seed (42 is {@code dyadstream bench}'s). */
    @Param("42")
    public long seed;

    private Lexicons lexicons;
    private Enricher enricher;
    private EntityExtractor entityExtractor;
    private RelationTagger relationTagger;

    private RawStory[] raw;
    private String[] texts;
    private LocalDate[] dates;
    private List<Token>[] tokens;
    private StoryWords[] words;
    private int[] firstBodyTokens;
    private List<Sentence>[] sentences;
    private RoleMatches[] roles;
    private List<Mention>[] mentions;

    /** The next story of the corpus, per thread, and the text done: the {@code mb} column. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Volume {
        /** Millions of characters of story text enriched (reported per second). */
        public double mb;
        private int next;

        @Setup(Level.Iteration)
        public void reset() {
            mb = 0;
        }

        int next(EnricherBenchmark b) {
            int i = next;
            next = i + 1 == b.stories ? 0 : i + 1;
            mb += b.texts[i].length() * 1e-6;
            return i;
        }
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        lexicons = Lexicons.loadDefault();
        enricher = new Enricher(lexicons, 1 << 20);
        entityExtractor = new EntityExtractor(lexicons);
        relationTagger = new RelationTagger(lexicons);
        List<RawStory> corpus = BenchCorpus.generate(stories, seed);
        int n = corpus.size();
        raw = corpus.toArray(new RawStory[0]);
        texts = new String[n];
        dates = new LocalDate[n];
        tokens = new List[n];
        words = new StoryWords[n];
        firstBodyTokens = new int[n];
        sentences = new List[n];
        roles = new RoleMatches[n];
        mentions = new List[n];
        long chars = 0;
        for (int i = 0; i < n; i++) {
            // as Enricher.enrich(RawStory) does
            String text = raw[i].body();
            texts[i] = text;
            chars += text.length();
            DatelineParser.Head head = DatelineParser.parse(text);
            // the generated stories have no "published": their date is the date line's
            dates[i] = head.date() == null ? null : LocalDate.parse(head.date());
            Tokenizer.Tokenized tokenized = Tokenizer.tokenize(text, lexicons.vocabulary());
            tokens[i] = tokenized.tokens();
            words[i] = tokenized.words();
            int first = 0;
            while (first < tokens[i].size() && tokens[i].get(first).start() < head.bodyStart()) {
                first++;
            }
            firstBodyTokens[i] = first;
            sentences[i] = SentenceSplitter.split(text, tokens[i], first);
            roles[i] = new RoleMatches(lexicons.roles().matcher(), words[i], sentences[i]);
            mentions[i] = extractEntities(i);
        }
        System.out.printf("%n# corpus: %d stories (seed %d), %d characters (%.2f MB), mean %.0f per story%n", n, seed, chars,
                chars / 1e6, (double) chars / n);
    }

    private List<Mention> extractEntities(int i) {
        List<Mention> found = entityExtractor.extract(tokens[i], words[i], sentences[i], roles[i],
                dates[i] == null ? 0 : dates[i].getYear());
        DateFinder.find(tokens[i], words[i], sentences[i], dates[i], found);
        return found;
    }

    @Benchmark
    public Tokenizer.Tokenized tokenize(Volume v) {
        int i = v.next(this);
        return Tokenizer.tokenize(texts[i], lexicons.vocabulary());
    }

    @Benchmark
    public List<Sentence> splitSentences(Volume v) {
        int i = v.next(this);
        return SentenceSplitter.split(texts[i], tokens[i], firstBodyTokens[i]);
    }

    @Benchmark
    public RoleMatches roleMatches(Volume v) {
        int i = v.next(this);
        return new RoleMatches(lexicons.roles().matcher(), words[i], sentences[i]);
    }

    @Benchmark
    public List<Mention> extractEntities(Volume v) {
        return extractEntities(v.next(this));
    }

    @Benchmark
    public List<PairRelation> tagRelations(Volume v) {
        int i = v.next(this);
        return relationTagger.tag(texts[i], tokens[i], words[i], sentences[i], roles[i], mentions[i]);
    }

    @Benchmark
    public EnrichedStory enrich(Volume v) {
        return enricher.enrich(raw[v.next(this)]);
    }
}
