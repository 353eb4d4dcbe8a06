// Builds what signing needs from the config: data lists, DNS, mail transport, outbox.
#include "app/signing_setup.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/embedded.hpp"
#include "core/errors.hpp"
#include "mail/maildir.hpp"
#include "mail/smtp.hpp"
#include "shield/errors.hpp"
#include "signatures/errors.hpp"

namespace rempart::app {
namespace {

Result<std::string> read_file(const std::filesystem::path& file, std::string_view setting) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return make_error(ConfigError::unreadable,
                          std::string(setting) + ": cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Names this server's mails in a Maildir shared with another: a short hash of its data
// folder, the same at every start, so a mail sent again after a crash keeps its name.
std::string instance_tag(const std::filesystem::path& data_dir) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(data_dir, ec).lexically_normal().string();
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (const unsigned char c : ec ? data_dir.string() : absolute) hash = (hash ^ c) * 16777619u;
    return fmt::format("{:08x}", hash);
}

Result<std::unique_ptr<mail::Transport>> open_transport(const Config& config) {
    if (config.mail.transport == "smtp")
        return std::unique_ptr<mail::Transport>(
            std::make_unique<mail::SmtpTransport>(config.mail.smtp));
    const auto folder =
        config.mail.maildir.empty() ? config.storage.data_dir / "mail" : config.mail.maildir;
    auto maildir = mail::MaildirTransport::open(folder, instance_tag(config.storage.data_dir));
    if (!maildir) return maildir.error();
    return std::unique_ptr<mail::Transport>(std::move(*maildir));
}

}  // namespace

Result<std::unique_ptr<shield::AsnTable>> load_asn_table(const shield::ShieldSettings& shield) {
    auto table = std::make_unique<shield::AsnTable>();
    if (!shield.asn_table.empty()) {
        auto text = read_file(shield.asn_table, "[shield] asn_table");
        if (!text) return text.error();
        if (auto added = table->add(*text, shield.asn_table.string()); !added) return added.error();
    } else {
        constexpr std::string_view path = "data/asn-table.bin";
        const auto image = embedded::find_data(path);
        if (!image)
            return make_error(shield::ShieldError::asn_missing,
                              std::string(path) + " is not in this build");
        auto built_in = shield::AsnTable::from_image(*image, path);
        if (!built_in) return built_in.error();
        *table = std::move(*built_in);
        embedded::release(*image);
    }
    // Read last, so that where they overlap the table their ranges win.
    for (const auto& extra : shield.asn_table_extra) {
        auto text = read_file(extra, "[shield] asn_table_extra");
        if (!text) return text.error();
        if (auto added = table->add(*text, extra); !added) return added.error();
    }
    return table;
}

Result<SigningSetup> set_up_signing(const Config& config) {
    SigningSetup setup;
    auto asn = load_asn_table(config.shield);
    if (!asn) return asn.error();
    setup.asn_table = std::move(*asn);

    const auto exact = embedded::find_data("data/disposable-exact.txt");
    const auto wildcard = embedded::find_data("data/disposable-wildcard.txt");
    if (!exact || !wildcard)
        return make_error(signatures::SignatureError::disposable_missing,
                          "the disposable domain lists are not in this build");
    auto disposable = signatures::DisposableDomains::load_lines(
        *exact, *wildcard, config.shield.disposable_block, config.shield.disposable_allow);
    if (!disposable) return disposable.error();
    setup.disposable_domains =
        std::make_unique<signatures::DisposableDomains>(std::move(*disposable));
    // The lists copied their lines: the 1.8 MB read once go back to the kernel.
    embedded::release(*exact);
    embedded::release(*wildcard);

    if (config.dns.check_mx) {
        auto checker = dns::MailDomainChecker::start(config.dns.checker);
        if (!checker) return checker.error();
        setup.mail_domains = std::move(*checker);
    }

    auto transport = open_transport(config);
    if (!transport) return transport.error();
    setup.transport = std::move(*transport);

    setup.limits = std::make_unique<shield::SigningLimits>(config.shield.sign_limits);
    return setup;
}

}  // namespace rempart::app
