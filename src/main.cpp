// rempart: the command line (serve, petition, user and evidence commands).
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>

#include "app/serve.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App cli{"Rempart: a self-hosted petition platform that defends itself."};
    cli.require_subcommand(1);
    std::string config_file;
    auto add_config = [&config_file](CLI::App* command) {
        command->add_option("--config", config_file, "TOML configuration file")
            ->check(CLI::ExistingFile);
    };

    auto* serve = cli.add_subcommand("serve", "Run the web server");
    add_config(serve);
    bool demo = false;
    serve->add_flag("--demo", demo, "Publish a demo petition when the store holds none");

    auto* petition = cli.add_subcommand("petition", "Create and list petitions");
    petition->require_subcommand(1);
    auto* create = petition->add_subcommand("create", "Create a petition, published at once");
    add_config(create);
    rempart::cli::CreatePetitionOptions create_options;
    create->add_option("--slug", create_options.slug, "The petition's address: /petitions/SLUG")
        ->required();
    create->add_option("--title", create_options.title, "The petition's title")->required();
    create
        ->add_option("--text-file", create_options.text_file,
                     "Markdown file with the petition's text")
        ->required();
    create->add_option("--summary", create_options.summary, "One or two sentences for lists");
    create->add_option("--goal", create_options.goal, "Signatures aimed for (a positive number)");
    create->add_flag("--postcode-required", create_options.postcode_required,
                     "Signers must give their postcode (counts signatures by area)");
    auto* list = petition->add_subcommand("list", "List every petition");
    add_config(list);

    auto* evidence = cli.add_subcommand("evidence", "Evidence files for a complaint");
    evidence->require_subcommand(1);
    rempart::cli::EvidenceOptions evidence_options;
    auto* evidence_export = evidence->add_subcommand(
        "export", "Write incident-ID.json and incident-ID.csv with their SHA-256");
    add_config(evidence_export);
    evidence_export->add_option("--incident", evidence_options.incident, "The incident's number")
        ->required();
    evidence_export->add_option("--out", evidence_options.out_dir,
                                "Folder to write the files in (default: the current folder)");
    auto* evidence_list = evidence->add_subcommand("list", "List an incident's recorded exports");
    add_config(evidence_list);
    evidence_list->add_option("--incident", evidence_options.incident, "The incident's number")
        ->required();
    auto* user = cli.add_subcommand("user", "Back-office accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Add an account; prints its one-time password");
    add_config(user_add);
    rempart::cli::AddUserOptions user_options;
    user_add->add_option("--email", user_options.email, "The account's e-mail address")->required();
    user_add->add_option("--role", user_options.role, "admin, moderator or organiser")->required();
    auto* user_list = user->add_subcommand("list", "List every account");
    add_config(user_list);
    std::string user_email;
    auto* user_reset = user->add_subcommand(
        "reset-password", "Give an account a new one-time password and end its sessions");
    add_config(user_reset);
    user_reset->add_option("--email", user_email, "The account's e-mail address")->required();
    auto* user_totp = user->add_subcommand(
        "totp", "Turn on two-step login (TOTP); prints the secret and its otpauth URI");
    add_config(user_totp);
    user_totp->add_option("--email", user_email, "The account's e-mail address")->required();

    auto* retention = cli.add_subcommand(
        "retention", "Apply [retention] now: erase, anonymise and prune what is due");
    add_config(retention);
    std::int64_t retention_now = 0;
    auto* retention_at = retention->add_option(
        "--now", retention_now, "Apply the rules as at this moment (Unix seconds) instead of now");

    auto* take_backup = cli.add_subcommand(
        "backup", "Seal a consistent copy of the store into FILE, signing going on meanwhile");
    add_config(take_backup);
    std::string backup_out;
    take_backup->add_option("--out", backup_out, "The backup file to write (never overwritten)")
        ->required();

    auto* restore = cli.add_subcommand(
        "restore", "Restore a backup into the data folder, erasures since it applied again");
    add_config(restore);
    std::string restore_from;
    restore->add_option("--from", restore_from, "The backup file to restore")->required();
    bool restore_replace = false;
    restore->add_flag("--replace", restore_replace,
                      "Set the store in the data folder aside and restore in its place");

    CLI11_PARSE(cli, argc, argv);

    const auto config = rempart::cli::load_config_or_defaults(config_file);
    if (!config) {
        std::cerr << "rempart: " << config.error().detail << "\n";
        return 2;
    }
    if (serve->parsed()) return rempart::app::serve(*config, demo);
    // One-shot commands speak through their output; the store's routine lines stay quiet.
    spdlog::set_level(spdlog::level::warn);
    if (create->parsed()) return rempart::cli::create_petition(*config, create_options);
    if (list->parsed()) return rempart::cli::list_petitions(*config, std::cout);
    if (evidence_export->parsed())
        return rempart::cli::export_evidence(*config, evidence_options, std::cout);
    if (evidence_list->parsed())
        return rempart::cli::list_evidence(*config, evidence_options, std::cout);
    if (user_add->parsed()) return rempart::cli::add_user(*config, user_options);
    if (user_list->parsed()) return rempart::cli::list_users(*config, std::cout);
    if (user_reset->parsed()) return rempart::cli::reset_password(*config, user_email);
    if (user_totp->parsed()) return rempart::cli::enable_totp(*config, user_email);
    if (retention->parsed())
        return rempart::cli::apply_retention(
            *config,
            retention_at->count() > 0 ? std::optional<std::int64_t>(retention_now) : std::nullopt,
            std::cout);
    if (take_backup->parsed()) return rempart::cli::take_backup(*config, backup_out, std::cout);
    if (restore->parsed())
        return rempart::cli::restore_backup(*config, restore_from, restore_replace, std::cout);
    return 2;
}
