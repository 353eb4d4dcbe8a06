// The settings an admin changes from the back office while the site runs: the config file's,
// with what the back office stored over them, replaced whole and read without a lock.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/settings.hpp"
#include "render/settings.hpp"

namespace rempart::web {

struct EditableSettings {
    render::SiteSettings site;
    mail::MailSettings mail;
    bool submissions_open = false;  // [submissions] open: the public may propose petitions
};

// One setting the back office may change, read and written as text: the store keeps it under
// `name`, the settings form under `field`.
struct EditableField {
    std::string_view name;   // "site.name": the store's key
    std::string_view field;  // "site_name": the form's, and where its error shows
    std::string (*read)(const EditableSettings&);
    void (*write)(EditableSettings&, std::string_view);
};
// In the form's order.
std::span<const EditableField> editable_fields();
const EditableField* find_editable_field(std::string_view name);

// A list of addresses as one text, ", " between them; and back, split at commas, spaces and
// line breaks, empty parts dropped.
std::string join_addresses(const std::vector<std::string>& addresses);
std::vector<std::string> split_addresses(std::string_view text);

// The config file's settings with the stored values over them. A name this version does not
// know is skipped: a setting of a newer version, after going back to an older one.
EditableSettings with_stored(EditableSettings settings,
                             const std::vector<std::pair<std::string, std::string>>& stored);

class LiveSettings {
  public:
    explicit LiveSettings(EditableSettings from_file, EditableSettings current)
        : from_file_(std::move(from_file)),
          current_(std::make_shared<const EditableSettings>(std::move(current))) {}

    // The settings now: whole and unchanging for as long as the caller holds them, whatever an
    // admin saves meanwhile.
    std::shared_ptr<const EditableSettings> current() const { return current_.load(); }
    // What the config file says, for the back office to show beside a stored value.
    const EditableSettings& from_file() const { return from_file_; }
    // `order` says which save the settings come from, in the order the store wrote them: a
    // save applied after a later one (two admins at once) is dropped. Returns whether applied.
    bool replace(EditableSettings next, std::uint64_t order) {
        std::lock_guard lock(replacing_);
        if (order <= applied_) return false;
        applied_ = order;
        current_.store(std::make_shared<const EditableSettings>(std::move(next)));
        return true;
    }

  private:
    const EditableSettings from_file_;
    std::mutex replacing_;
    std::uint64_t applied_ = 0;  // under replacing_
    std::atomic<std::shared_ptr<const EditableSettings>> current_;
};

}  // namespace rempart::web
