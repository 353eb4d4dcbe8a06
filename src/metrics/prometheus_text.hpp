// Writes the Prometheus text exposition format (0.0.4): families, their samples, escaping.
#pragma once

#include <concepts>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace rempart::metrics {

enum class MetricType { counter, gauge, histogram };

// One label of a sample; the value is escaped when written.
struct Label {
    std::string_view name;
    std::string_view value;
};

using Labels = std::initializer_list<Label>;

// A sample's value as /metrics writes it: integers in decimal, other numbers in their
// shortest exact form, or with a fixed number of decimals when asked.
class Value {
  public:
    template <std::integral T>
    requires(!std::same_as<T, bool>)  // a bool would print as "true": say 1 or 0
        Value(T number)
        : text_(std::to_string(number)) {}
    Value(double number);
    static Value fixed(double number, int decimals);

    std::string_view text() const { return text_; }

  private:
    Value() = default;
    std::string text_;
};

// The counts of one histogram series: bucket i counts the observations at most bounds[i].
struct HistogramCounts {
    std::span<const double> bounds;
    std::span<const std::uint64_t> cumulative;  // one a bound, each including the ones before
    std::uint64_t count = 0;                    // every observation: the +Inf bucket
    Value sum;
};

// A whole exposition: each module writes its families into it, and text() gives them in
// the order each was first named, every family's samples together under one HELP and TYPE.
class PrometheusText {
  public:
    class Family {
      public:
        // `name{labels} value`; no braces without labels.
        void sample(Value value);
        void sample(Labels labels, Value value);
        // `name_bucket{labels,le=...}` for each bound and +Inf, then `name_sum` and
        // `name_count`, with `labels` on each.
        void histogram(Labels labels, const HistogramCounts& counts);

      private:
        friend class PrometheusText;
        Family(std::string_view name, MetricType type, std::string_view help);
        void write_sample(std::string_view suffix, Labels labels, const Label* extra,
                          const Value& value);

        std::string name_;
        MetricType type_;
        std::string help_;
        std::string samples_;
    };

    // The family of that name, started on the first call: a second call gives the same
    // family back (its first help stands) and throws when the type differs.
    Family& family(std::string_view name, MetricType type, std::string_view help);

    // Every family, even one with no samples: Prometheus reads HELP and TYPE alone.
    std::string text() const;

  private:
    std::deque<Family> families_;  // a deque: a family handed out stays where it is
};

// A label value or HELP text as the format escapes it: backslash, newline, and (in label
// values) the double quote.
std::string escape_label_value(std::string_view value);
std::string escape_help(std::string_view help);

}  // namespace rempart::metrics
