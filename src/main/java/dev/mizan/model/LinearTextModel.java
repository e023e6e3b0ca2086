package dev.mizan.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned stance and quad-class model for pure-Java inference: the feature parameters and, per head, a linear
 * scorer {@code p = softmax((W·x + b) / T + δ)} (δ: per-class decision offsets, 0 unless train chose them). Every classifier {@code train} compares is linear in this form
 * (multinomial logistic regression: its coefficients; linear SVM one-vs-rest: each class's margin; multinomial naive
 * Bayes: log θ and the log prior; averaged combinations: the averaged W and b). No Spark here; Serializable so that
 * it is broadcast with the Analyzer.
 *
 * <p>File format ({@code mizan-model.bin}, gzip): magic {@code MIZANLM}, version, the feature parameters, a
 * description, then per head its name, class names, temperature, biases, (version 2) offsets and the non-zero
 * feature columns (index delta, K float32 weights). Weights are stored as float32: probabilities agree with the Spark
 * PipelineModel to about 1e-6.
 */
public final class LinearTextModel implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String MAGIC = "MIZANLM";
  /** 2 added per-class decision offsets to each head; version-1 files (no offsets) are still read, as offsets 0. */
  private static final int VERSION = 2;
  /** Head names. */
  public static final String QUAD = "quad";
  public static final String STANCE = "stance";
  /** Classpath resource of the bundled default model. */
  public static final String DEFAULT_RESOURCE = "mizan/model/default.bin";

  /** Quad classes in label order (the UN QuadClass codes 0..4). */
  public static final List<String> QUAD_CLASSES = List.of("irrelevant", "material_conflict", "material_cooperation",
      "verbal_conflict", "verbal_cooperation");
  /** Stance classes in label order. */
  public static final List<String> STANCE_CLASSES = List.of("neutral", "cooperative", "conflictual");

  private static volatile LinearTextModel bundled;

  private final TextFeatures features;
  private final String description;
  private final List<Head> heads;

  /**
   * One classification head.
   *
   * @param offsets per-class decision offsets δ added to the temperature-scaled logits (chosen by train on out-of-fold
   *     logits for macro-F1; all 0 for a head without them): {@code p = softmax((W·x + b) / T + δ)}
   * @param weights feature-major: {@code weights[i * K + k]} is the weight of feature i for class k
   */
  public record Head(String name, List<String> classes, double temperature, double[] bias, double[] offsets,
      float[] weights) implements Serializable {
    public Head {
      classes = List.copyOf(classes);
      if (bias.length != classes.size()) {
        throw new IllegalArgumentException("head " + name + ": " + bias.length + " biases for " + classes.size() + " classes");
      }
      if (offsets.length != classes.size()) {
        throw new IllegalArgumentException("head " + name + ": " + offsets.length + " offsets for " + classes.size() + " classes");
      }
      if (!(temperature > 0)) {
        throw new IllegalArgumentException("head " + name + ": temperature " + temperature + " is not > 0");
      }
    }

    /** A head without decision offsets. */
    public Head(String name, List<String> classes, double temperature, double[] bias, float[] weights) {
      this(name, classes, temperature, bias, new double[bias.length], weights);
    }

    public int k() {
      return classes.size();
    }

    /**
     * The bias the logits start from: b + T·δ, so that softmax(z / T) = softmax((W·x + b) / T + δ) and the offsets
     * cost nothing at inference (the fused scorer starts from the same sums).
     */
    double[] decisionBias() {
      double[] z = new double[bias.length];
      for (int c = 0; c < z.length; c++) {
        z[c] = bias[c] + temperature * offsets[c];
      }
      return z;
    }

    /** W·x + b + T·δ: the logits whose softmax at temperature T is {@link #probabilities}. */
    public double[] logits(TextFeatures.Vec x) {
      int k = classes.size();
      double[] z = decisionBias();
      int[] idx = x.indices();
      double[] val = x.values();
      for (int j = 0; j < idx.length; j++) {
        int base = idx[j] * k;
        double v = val[j];
        for (int c = 0; c < k; c++) {
          z[c] += v * weights[base + c];
        }
      }
      return z;
    }

    /** softmax((W·x + b) / T + δ). */
    public double[] probabilities(TextFeatures.Vec x) {
      return softmax(logits(x), temperature);
    }
  }

  /** Index of the largest value (the first one on ties): the predicted class of a probability or logit row. */
  public static int argmax(double[] z) {
    int b = 0;
    for (int c = 1; c < z.length; c++) {
      if (z[c] > z[b]) {
        b = c;
      }
    }
    return b;
  }

  public LinearTextModel(TextFeatures features, String description, List<Head> heads) {
    this.features = features;
    this.description = description;
    this.heads = List.copyOf(heads);
    for (Head h : heads) {
      if (h.weights().length != features.numFeatures() * h.k()) {
        throw new IllegalArgumentException("head " + h.name() + ": " + h.weights().length + " weights, expected "
            + features.numFeatures() + " x " + h.k());
      }
    }
  }

  public TextFeatures features() {
    return features;
  }

  /**
   * The probabilities of every head for {@code x}, in {@link #heads()} order, in one pass over x's features: the heads'
   * weights are interleaved per feature (for the bundled model 5 + 3 floats = 32 bytes, one cache line per feature
   * instead of one per head). Bit-identical to {@code head.probabilities(x)} for each head (same terms, same order).
   */
  public double[][] probabilities(TextFeatures.Vec x) {
    Fused f = fused();
    int stride = f.stride;
    float[] w = f.weights;
    double[] z = f.bias.clone();
    int[] idx = x.indices();
    double[] val = x.values();
    if (stride == 8) {
      // the bundled model (5 + 3 classes): eight accumulators in registers; same terms in the same order as below
      double z0 = z[0];
      double z1 = z[1];
      double z2 = z[2];
      double z3 = z[3];
      double z4 = z[4];
      double z5 = z[5];
      double z6 = z[6];
      double z7 = z[7];
      for (int j = 0; j < idx.length; j++) {
        int base = idx[j] << 3;
        double v = val[j];
        z0 += v * w[base];
        z1 += v * w[base + 1];
        z2 += v * w[base + 2];
        z3 += v * w[base + 3];
        z4 += v * w[base + 4];
        z5 += v * w[base + 5];
        z6 += v * w[base + 6];
        z7 += v * w[base + 7];
      }
      z[0] = z0;
      z[1] = z1;
      z[2] = z2;
      z[3] = z3;
      z[4] = z4;
      z[5] = z5;
      z[6] = z6;
      z[7] = z7;
    } else {
      for (int j = 0; j < idx.length; j++) {
        int base = idx[j] * stride;
        double v = val[j];
        for (int c = 0; c < stride; c++) {
          z[c] += v * w[base + c];
        }
      }
    }
    return perHead(z);
  }

  /**
   * The probabilities of every head, in {@link #heads()} order, for the unit whose word forms are
   * {@code forms.apply(0 .. words - 1)} (a {@code Sentence}'s {@code words.size()} and {@code form(k)}, the sentence
   * being the cleaned text): the same as {@code probabilities(features().vectorOfTokens(...))} up to the order of the
   * floating-point additions (within 1e-9; see {@link TextFeatures#addLinear}), without building the feature vector:
   * each word's n-gram weights are summed once per thread and form, and reused.
   */
  public double[][] probabilities(int words, java.util.function.IntFunction<dev.mizan.text.WordForm> forms, String lang,
      RuleSignals signals) {
    Fused f = fused();
    double[] z = f.bias.clone();
    features.addLinear(words, forms, lang, signals, f, f.weights, f.stride, z);
    return perHead(z);
  }

  /** The fused logits z (all heads, in {@link #heads()} order) as each head's calibrated probabilities. */
  private double[][] perHead(double[] z) {
    double[][] out = new double[heads.size()][];
    int off = 0;
    for (int h = 0; h < out.length; h++) {
      Head head = heads.get(h);
      out[h] = softmaxInPlace(Arrays.copyOfRange(z, off, off + head.k()), head.temperature());
      off += head.k();
    }
    return out;
  }

  /** The position of the head called {@code name} in {@link #heads()} (and in {@link #probabilities}), or -1. */
  public int headIndex(String name) {
    for (int h = 0; h < heads.size(); h++) {
      if (heads.get(h).name().equals(name)) {
        return h;
      }
    }
    return -1;
  }

  /** All heads' weights interleaved feature-major ({@code weights[i * stride + offset(head) + k]}), their biases concatenated. */
  private record Fused(int stride, float[] weights, double[] bias) {}

  /** Built on first use where the model runs (not serialised: rebuilt after a broadcast). */
  private transient volatile Fused fused;

  private Fused fused() {
    Fused f = fused;
    if (f == null) {
      int stride = 0;
      for (Head h : heads) {
        stride += h.k();
      }
      int d = features.numFeatures();
      float[] w = new float[d * stride];
      double[] b = new double[stride];
      int off = 0;
      for (Head h : heads) {
        int k = h.k();
        System.arraycopy(h.decisionBias(), 0, b, off, k);
        float[] hw = h.weights();
        for (int i = 0; i < d; i++) {
          System.arraycopy(hw, i * k, w, i * stride + off, k);
        }
        off += k;
      }
      f = new Fused(stride, w, b);
      fused = f; // racy but benign: every thread builds the same immutable value
    }
    return f;
  }

  public String description() {
    return description;
  }

  public List<Head> heads() {
    return heads;
  }

  /** The head called {@code name}, or null. */
  public Head head(String name) {
    for (Head h : heads) {
      if (h.name().equals(name)) {
        return h;
      }
    }
    return null;
  }

  /** Softmax of z / t, numerically stable. */
  public static double[] softmax(double[] z, double t) {
    return softmaxInPlace(z.clone(), t);
  }

  /** {@link #softmax} written over {@code z} (no new array per head and sentence); returns z. */
  private static double[] softmaxInPlace(double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] / t - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  // ---- file format ----

  public void write(OutputStream os) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeUTF(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(features.numFeatures());
    out.writeInt(features.charMin());
    out.writeInt(features.charMax());
    out.writeInt(features.wordMax());
    out.writeBoolean(features.ruleFeatures());
    out.writeUTF(description);
    out.writeInt(heads.size());
    for (Head h : heads) {
      int k = h.k();
      out.writeUTF(h.name());
      out.writeInt(k);
      for (String c : h.classes()) {
        out.writeUTF(c);
      }
      out.writeDouble(h.temperature());
      for (double b : h.bias()) {
        out.writeDouble(b);
      }
      for (double o : h.offsets()) {
        out.writeDouble(o);
      }
      int d = features.numFeatures();
      int nnz = 0;
      for (int i = 0; i < d; i++) {
        if (nonZero(h.weights(), i, k)) {
          nnz++;
        }
      }
      out.writeInt(nnz);
      int last = -1;
      for (int i = 0; i < d; i++) {
        if (nonZero(h.weights(), i, k)) {
          out.writeInt(i - last);
          last = i;
          for (int c = 0; c < k; c++) {
            out.writeFloat(h.weights()[i * k + c]);
          }
        }
      }
    }
    out.flush();
    gz.finish();
    gz.flush();
  }

  private static boolean nonZero(float[] w, int i, int k) {
    for (int c = 0; c < k; c++) {
      if (w[i * k + c] != 0f) {
        return true;
      }
    }
    return false;
  }

  /** @throws IOException when the stream is not a model file (the message says why) */
  public static LinearTextModel read(InputStream is) throws IOException {
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16));
    } catch (java.util.zip.ZipException e) {
      throw new IOException("not a Mizan model file (not gzip)", e);
    }
    String magic = in.readUTF();
    if (!MAGIC.equals(magic)) {
      throw new IOException("not a Mizan model file (bad magic)");
    }
    int version = in.readInt();
    if (version < 1 || version > VERSION) {
      throw new IOException("model file version " + version + " is not supported (expected 1.." + VERSION + ")");
    }
    TextFeatures f = new TextFeatures(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean());
    String description = in.readUTF();
    int nh = in.readInt();
    List<Head> heads = new ArrayList<>();
    for (int h = 0; h < nh; h++) {
      String name = in.readUTF();
      int k = in.readInt();
      List<String> classes = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        classes.add(in.readUTF());
      }
      double t = in.readDouble();
      double[] bias = new double[k];
      for (int c = 0; c < k; c++) {
        bias[c] = in.readDouble();
      }
      double[] offsets = new double[k];
      if (version >= 2) {
        for (int c = 0; c < k; c++) {
          offsets[c] = in.readDouble();
        }
      }
      int nnz = in.readInt();
      float[] w = new float[f.numFeatures() * k];
      int i = -1;
      for (int j = 0; j < nnz; j++) {
        i += in.readInt();
        if (i < 0 || i >= f.numFeatures()) {
          throw new IOException("corrupt model file: feature index " + i + " out of range");
        }
        for (int c = 0; c < k; c++) {
          w[i * k + c] = in.readFloat();
        }
      }
      heads.add(new Head(name, classes, t, bias, offsets, w));
    }
    return new LinearTextModel(f, description, heads);
  }

  /** Reads a model file, or {@code DIR/mizan-model.bin} when {@code path} is a directory written by train. */
  public static LinearTextModel load(Path path) throws IOException {
    Path p = Files.isDirectory(path) ? path.resolve("mizan-model.bin") : path;
    try (InputStream is = Files.newInputStream(p)) {
      LinearTextModel m = read(is);
      m.check();
      return m;
    }
  }

  /** The bundled default model ({@value #DEFAULT_RESOURCE} on the classpath), read once per JVM. */
  public static LinearTextModel loadDefault() {
    LinearTextModel m = bundled;
    if (m == null) {
      synchronized (LinearTextModel.class) {
        m = bundled;
        if (m == null) {
          try (InputStream is = LinearTextModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (is == null) {
              throw new IllegalStateException("the bundled model " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            m = read(is);
            m.check();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model " + DEFAULT_RESOURCE, e);
          }
          bundled = m;
        }
      }
    }
    return m;
  }

  /** The scorer needs both heads with the classes in the documented order. */
  void check() throws IOException {
    Head q = head(QUAD);
    Head s = head(STANCE);
    if (q == null || !q.classes().equals(QUAD_CLASSES)) {
      throw new IOException("the model has no quad head with classes " + QUAD_CLASSES);
    }
    if (s == null || !s.classes().equals(STANCE_CLASSES)) {
      throw new IOException("the model has no stance head with classes " + STANCE_CLASSES);
    }
  }

  @Override
  public String toString() {
    return "LinearTextModel[" + description + ", features " + features.numFeatures() + ", heads "
        + Arrays.toString(heads.stream().map(Head::name).toArray()) + "]";
  }
}
