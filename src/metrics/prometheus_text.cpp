// Writes the Prometheus text exposition format (0.0.4): families, their samples, escaping.
#include "metrics/prometheus_text.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace rempart::metrics {
namespace {

std::string_view to_string(MetricType type) {
    switch (type) {
        case MetricType::counter:
            return "counter";
        case MetricType::gauge:
            return "gauge";
        case MetricType::histogram:
            return "histogram";
    }
    return "untyped";
}

std::string escape(std::string_view text, bool quote) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && quote)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

}  // namespace

Value::Value(double number) : text_(fmt::format("{}", number)) {}

Value Value::fixed(double number, int decimals) {
    Value value;
    value.text_ = fmt::format("{:.{}f}", number, decimals);
    return value;
}

std::string escape_label_value(std::string_view value) {
    return escape(value, true);
}

std::string escape_help(std::string_view help) {
    return escape(help, false);
}

PrometheusText::Family::Family(std::string_view name, MetricType type, std::string_view help)
    : name_(name), type_(type), help_(help) {}

void PrometheusText::Family::write_sample(std::string_view suffix, Labels labels,
                                          const Label* extra, const Value& value) {
    samples_ += name_;
    samples_ += suffix;
    if (labels.size() != 0 || extra) {
        char separator = '{';
        const auto write = [&](const Label& label) {
            samples_ += separator;
            samples_ += label.name;
            samples_ += "=\"";
            samples_ += escape_label_value(label.value);
            samples_ += '"';
            separator = ',';
        };
        for (const auto& label : labels) write(label);
        if (extra) write(*extra);
        samples_ += '}';
    }
    samples_ += ' ';
    samples_ += value.text();
    samples_ += '\n';
}

void PrometheusText::Family::sample(Value value) {
    write_sample("", {}, nullptr, value);
}

void PrometheusText::Family::sample(Labels labels, Value value) {
    write_sample("", labels, nullptr, value);
}

void PrometheusText::Family::histogram(Labels labels, const HistogramCounts& counts) {
    for (std::size_t i = 0; i < counts.bounds.size() && i < counts.cumulative.size(); ++i) {
        const auto bound = fmt::format("{}", counts.bounds[i]);
        const Label le{"le", bound};
        write_sample("_bucket", labels, &le, counts.cumulative[i]);
    }
    const Label infinity{"le", "+Inf"};
    write_sample("_bucket", labels, &infinity, counts.count);
    write_sample("_sum", labels, nullptr, counts.sum);
    write_sample("_count", labels, nullptr, counts.count);
}

PrometheusText::Family& PrometheusText::family(std::string_view name, MetricType type,
                                               std::string_view help) {
    for (auto& family : families_) {
        if (family.name_ != name) continue;
        // Two modules calling one name different things would mislead every dashboard.
        if (family.type_ != type)
            throw std::logic_error("metric family typed twice: " + family.name_);
        return family;
    }
    return families_.emplace_back(Family(name, type, help));
}

std::string PrometheusText::text() const {
    std::string out;
    std::size_t size = 0;
    for (const auto& family : families_)
        size += family.samples_.size() + 2 * family.name_.size() + family.help_.size() + 32;
    out.reserve(size);
    for (const auto& family : families_) {
        out += "# HELP ";
        out += family.name_;
        out += ' ';
        out += escape_help(family.help_);
        out += "\n# TYPE ";
        out += family.name_;
        out += ' ';
        out += to_string(family.type_);
        out += '\n';
        out += family.samples_;
    }
    return out;
}

}  // namespace rempart::metrics
