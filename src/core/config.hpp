// Reads rempart.toml for the modules: each reads its own sections with these typed getters,
// and whatever no module read is refused, with its place, "rempart.toml:4:1: ...".
#pragma once

#include <chrono>
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/result.hpp"

namespace rempart::config {

namespace detail {
struct Document;
}

// One [section] of the file, as a module reads it. Every getter reads one key when the file
// has it: a value of the right type within its range is written to `out` and true returned.
// A key the file leaves out keeps `out` as it was: the module's default. A wrong value is
// recorded with its place and leaves `out` alone; File::finish reports the file's first.
// Reading a key, written or not, makes it known, so that it is not refused as unknown.
// Upper bounds are generous: they catch a typo (an extra zero) before it exhausts the machine.
class Section {
  public:
    template <std::integral T>
    bool integer(std::string_view key, std::int64_t min, std::int64_t max, T& out) {
        const auto value = whole(key, min, max);
        if (value) out = static_cast<T>(*value);
        return value.has_value();
    }
    // A whole number of the duration's own unit: seconds for the keys in _s, ms for _ms.
    template <class Rep, class Period>
    bool duration(std::string_view key, std::int64_t min, std::int64_t max,
                  std::chrono::duration<Rep, Period>& out) {
        const auto value = whole(key, min, max);
        if (value) out = std::chrono::duration<Rep, Period>(static_cast<Rep>(*value));
        return value.has_value();
    }
    // A number, whole or not (TOML tells 2 from 2.0; a reader of the file does not).
    bool number(std::string_view key, double min, double max, double& out);
    // A share above 0 and at most 1, such as 0.05.
    bool share(std::string_view key, double& out);
    // The same, or up to 2, anything above 1 meaning that nothing ever reaches it. 2 and no
    // further, so that a percentage written by mistake (5 for 5 %) is refused rather than
    // turning a rule off.
    bool share_or_never(std::string_view key, double& out);
    bool flag(std::string_view key, bool& out);
    bool text(std::string_view key, std::string& out);
    // A string that `valid` accepts; `expected` says what is, "a URL such as ...".
    bool text(std::string_view key, std::string& out, std::string_view expected,
              bool (*valid)(std::string_view));
    bool path(std::string_view key, std::filesystem::path& out);
    bool choice(std::string_view key, std::initializer_list<std::string_view> choices,
                std::string& out);
    bool texts(std::string_view key, std::vector<std::string>& out);
    // An array of strings that `valid` accepts; `what` names them, "mail domains such as ...".
    bool texts(std::string_view key, std::vector<std::string>& out, std::string_view what,
               bool (*valid)(std::string_view));
    // IPv4 or IPv6 networks, "10.0.0.0/8"; a bare address is one host. Kept as written.
    bool networks(std::string_view key, std::vector<std::string>& out);
    // An array of whole numbers from min to max; `what` names them, "AS numbers such as ...".
    template <std::integral T>
    bool integers(std::string_view key, std::int64_t min, std::int64_t max, std::string_view what,
                  std::vector<T>& out) {
        const auto values = wholes(key, min, max, what);
        if (values) out.assign(values->begin(), values->end());
        return values.has_value();
    }
    // A rate written { per_minute = 10, burst = 20 }; either key may be left out.
    bool rate(std::string_view key, double& per_minute, double& burst);

    // A value the module refuses for its own reason: "[section] key: <message>" at the key.
    void refuse(std::string_view key, std::string_view message);
    // Keys that do not go together: "rempart.toml: [section] <message>", reported only when
    // every key on its own was right.
    void refuse(std::string_view message);

  private:
    friend class File;
    Section(detail::Document& document, std::string name);
    std::optional<std::int64_t> whole(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::vector<std::int64_t>> wholes(std::string_view key, std::int64_t min,
                                                    std::int64_t max, std::string_view what);

    detail::Document* document_;
    std::string name_;
};

// A parsed rempart.toml, read by the modules and then finished.
class File {
  public:
    static Result<File> parse(std::string_view toml_text, std::string_view source_name);
    static Result<File> load(const std::filesystem::path& file);
    File(File&&) noexcept;
    File& operator=(File&&) noexcept;
    ~File();

    // A section the file may or may not have; opening it makes the section known.
    Section section(std::string_view name);
    // After every module read its sections: the file's first wrong value, unknown key or
    // unknown section, in the order the file is walked; then the first refusal of keys that
    // do not go together, in the order they were made.
    Result<void> finish() const;

  private:
    explicit File(std::unique_ptr<detail::Document> document);
    std::unique_ptr<detail::Document> document_;
};

// Parses `toml_text`, reads it with `read` (one module's reader or the whole
// configuration's) and finishes it.
template <typename Read>
auto parse(std::string_view toml_text, std::string_view source_name, Read&& read)
    -> Result<decltype(read(std::declval<File&>()))> {
    auto file = File::parse(toml_text, source_name);
    if (!file) return file.error();
    auto settings = read(*file);
    if (auto finished = file->finish(); !finished) return finished.error();
    return settings;
}

template <typename Read>
auto load(const std::filesystem::path& path, Read&& read)
    -> Result<decltype(read(std::declval<File&>()))> {
    auto file = File::load(path);
    if (!file) return file.error();
    auto settings = read(*file);
    if (auto finished = file->finish(); !finished) return finished.error();
    return settings;
}

}  // namespace rempart::config
