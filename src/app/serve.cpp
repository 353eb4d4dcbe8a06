// `rempart serve`: wires the store, the pages, the API and the server, and runs them.
#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <ctime>
#include <iostream>
#include <thread>

#include "accounts/password.hpp"
#include "admin/guard.hpp"
#include "admin/incident_routes.hpp"
#include "admin/shield_routes.hpp"
#include "app/backups.hpp"
#include "app/confirmation_mail.hpp"
#include "app/defence_setup.hpp"
#include "app/demo.hpp"
#include "app/goal_mail.hpp"
#include "app/moderation_digest.hpp"
#include "app/news_sender.hpp"
#include "app/refusal_summaries.hpp"
#include "app/retention.hpp"
#include "app/routes.hpp"
#include "app/serve.hpp"
#include "app/shield_setup.hpp"
#include "app/signing_setup.hpp"
#include "backup/journal.hpp"
#include "backup/keys.hpp"
#include "core/embedded.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/logging.hpp"
#include "core/secret.hpp"
#include "core/thread_name.hpp"
#include "metrics/prometheus_text.hpp"
#include "net/server.hpp"
#include "ops/metrics_readers.hpp"
#include "petitions/catalog.hpp"
#include "server/dispatch.hpp"
#include "signatures/unsubscribe_token.hpp"
#include "store/errors.hpp"
#include "store/petition_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/signature_repository.hpp"
#include "store/store.hpp"
#include "store/user_repository.hpp"
#include "web/news_mail.hpp"
#include "web/shield_guard.hpp"
#include "web/signing_routes.hpp"
#include "web/site.hpp"

namespace rempart::app {
namespace asio = boost::asio;

namespace {

// Publishes the demo petition when the store holds none, so `make run` shows something.
Result<void> seed_demo(store::Store& store) {
    const auto existing = store.readers().read_now<std::vector<Petition>>(
        [](store::Database& db) { return store::list_petitions(db); });
    if (!existing.empty()) return {};
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto created = store.writer().write_now<Petition>(
        [&](store::Database& db) { return store::insert_petition(db, demo_petition(), now); });
    if (!created) return created.error();
    return {};
}

constexpr std::string_view departements_path =
    "node_modules/@etalab/decoupage-administratif/data/departements.json";
constexpr std::string_view regions_path =
    "node_modules/@etalab/decoupage-administratif/data/regions.json";

// Signatures of every petition by state, as last read: for rempart_signatures.
using SignatureTotals = std::array<std::atomic<std::int64_t>, 5>;

void add_signature_metrics(metrics::Registry& metrics, const SignatureTotals& totals,
                           const mail::OutboxStats& outbox) {
    metrics.add_collector([&totals, &outbox](metrics::PrometheusText& text) {
        auto& by_state = text.family("rempart_signatures", metrics::MetricType::gauge,
                                     "Signatures by state, every petition together.");
        for (std::size_t i = 0; i < totals.size(); ++i)
            by_state.sample({{"state", to_string(static_cast<signatures::SignatureState>(i))}},
                            totals[i].load());
        auto& mail = text.family("rempart_mail_total", metrics::MetricType::counter,
                                 "Mails handed to the transport, by outcome.");
        mail.sample({{"outcome", "sent"}}, outbox.sent.load());
        mail.sample({{"outcome", "deferred"}}, outbox.deferred.load());
        mail.sample({{"outcome", "failed"}}, outbox.failed.load());
    });
}

// How the writer groups its jobs: writes over groups is the mean group, and one group is
// one fsync and one write of every page it touched.
void add_store_metrics(metrics::Registry& metrics, const store::Writer& writer) {
    metrics.add_collector([&writer](metrics::PrometheusText& text) {
        text.family("rempart_store_writes_total", metrics::MetricType::counter,
                    "Write jobs committed (a signature, a batch of mail marks...).")
            .sample(writer.jobs_committed());
        text.family("rempart_store_write_groups_total", metrics::MetricType::counter,
                    "Transactions the writer committed, each holding one or more jobs.")
            .sample(writer.groups_committed());
    });
}

// Every few seconds: closes the petitions whose end date has passed (the signing form
// already refuses them from the second they end, this makes the state say so), and tells
// the organisers of each goal reached, once.
asio::awaitable<void> petition_clock(store::Store& store, const web::Site& site,
                                     std::function<void()> mail_queued) {
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    for (;;) {
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        std::function<Result<std::vector<std::string>>(store::Database&)> close =
            [now](store::Database& db) -> Result<std::vector<std::string>> {
            return store::close_ended_petitions(db, now);
        };
        const auto closed =
            co_await store.writer().write<std::vector<std::string>>(std::move(close));
        if (closed)
            for (const auto& slug : *closed)
                spdlog::info("{} slug={} step=close reason=end_date", log_event::petition_step,
                             slug);
        std::function<Result<std::size_t>(store::Database&)> goals =
            [now, config = site.config(), &messages = site.messages()](store::Database& db) {
                return announce_goals(db, config, messages, now);
            };
        const auto queued = co_await store.writer().write<std::size_t>(std::move(goals));
        if (queued && *queued > 0) mail_queued();
        timer.expires_after(std::chrono::seconds(5));
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
    }
}

// Reloads the catalog when the store changed, whoever changed it (this process or the
// command line): SQLite's data_version tells at the cost of one pragma a second.
asio::awaitable<void> watch_store(store::Store& store, Catalog& catalog, SignatureTotals& totals) {
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    std::int64_t seen = -1;
    for (;;) {
        timer.expires_after(std::chrono::seconds(1));
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        const auto version = co_await store.watch_version();
        if (version == seen) continue;
        seen = version;
        auto petitions = co_await store.readers().read<std::vector<Petition>>(
            [](store::Database& db) { return store::list_public_petitions(db); });
        const auto counts = co_await store.readers().read<std::array<std::int64_t, 5>>(
            [](store::Database& db) { return store::count_signatures_by_state(db); });
        for (std::size_t i = 0; i < counts.size(); ++i) totals[i] = counts[i];
        if (catalog.replace(std::move(petitions)))
            spdlog::info("{} reason=store_changed", log_event::cache_invalidated);
    }
}

// A start-up failure after the store opened: says why, stops the outbox when it runs and
// closes the store, so that nothing is left half-written; the exit status.
int refuse_start(const Error& error, store::Store& store, mail::Outbox* outbox = nullptr) {
    std::cerr << "rempart: " << error.detail << "\n";
    if (outbox != nullptr) outbox->stop();
    store.close();
    shutdown_logging();
    return 1;
}

}  // namespace

int serve(const Config& config, bool demo) {
    try {
        init_logging(config.log);
    } catch (const std::exception& e) {
        std::cerr << "rempart: cannot open the log file " << config.log.file << ": " << e.what()
                  << "\n";
        return 1;
    }
    const unsigned threads = config.server.threads != 0
                                 ? config.server.threads
                                 : std::max(1u, std::thread::hardware_concurrency());

    auto opened = store::open_store(config.storage, 2);
    if (!opened) {
        spdlog::error("{} error={}",
                      opened.error().code == store::StoreError::newer
                          ? log_event::store_refused_newer
                          : log_event::store_refused,
                      log_text(opened.error().detail));
        std::cerr << "rempart: " << opened.error().detail << "\n";
        shutdown_logging();
        return 1;
    }
    auto& store = **opened;
    if (demo) {
        if (auto seeded = seed_demo(store); !seeded)
            spdlog::warn("{} error={}", log_event::store_write_failed,
                         log_text(seeded.error().detail));
    }

    Catalog catalog;
    catalog.replace(store.readers().read_now<std::vector<Petition>>(
        [](store::Database& db) { return store::list_public_petitions(db); }));

    auto secret = load_or_create_secret(config.storage.data_dir);
    if (!secret) return refuse_start(secret.error(), store);
    shield::ProofOfWork proof_of_work(*secret);
    shield::Difficulty difficulty(config.shield.pow_max_number);

    metrics::Registry metrics;
    // What admins saved in the back office wins over the config file, as the gate's mode does.
    const auto stored = store.readers().read_now<std::vector<std::pair<std::string, std::string>>>(
        [](store::Database& db) { return store::read_setting_values(db); });
    auto site = web::Site::create({config.server, config.site, config.mail, config.admin,
                                   config.submissions.open, config.retention,
                                   config.backup.every_h * config.backup.keep},
                                  catalog, stored);
    if (!site) return refuse_start(site.error(), store);

    auto signing = set_up_signing(config);
    if (!signing) return refuse_start(signing.error(), store);
    const web::Site& site_for_mail = **site;
    mail::Outbox outbox(
        store, *signing->transport,
        [&site_for_mail, &secret = *secret](const store::OutboxMail& mail) {
            if (mail.newsletter)
                return compose_newsletter_confirmation(site_for_mail, secret, mail);
            if (!mail.news) return compose_confirmation(site_for_mail, mail);
            const auto unsubscribe = site_for_mail.config().server.base_url + "/u/" +
                                     signatures::unsubscribe_token(secret, mail.news->signature_id);
            return web::compose_news_mail(site_for_mail, *mail.news, mail.envelope_to, unsubscribe);
        },
        config.mail.outbox);
    auto defence = set_up_defence(
        config, catalog, **site, store, difficulty, [&outbox] { outbox.notify(); }, metrics);
    outbox.start();
    web::SigningServices signing_services{
        **site,
        store,
        proof_of_work,
        difficulty,
        *signing->limits,
        *signing->asn_table,
        *signing->disposable_domains,
        signing->mail_domains.get(),
        *secret,
        [&outbox] { outbox.notify(); },
        defence.defence.get(),
        defence.bans.get(),
        {config.shield.mails_per_mailbox_per_day, signing->mail_domains != nullptr,
         config.retention.unconfirmed_days * 86400}};
    // The journal's key is the backups' own: made now when absent, so that the first
    // erasure is journaled even before the first backup.
    const auto backup_keys =
        backup::open_backup_keys(config.backup.key_file, backup::KeyUse::make_if_absent);
    if (!backup_keys) return refuse_start(backup_keys.error(), store, &outbox);
    backup::ErasureJournal erasures(config.backup.dir, backup_keys->journal);
    signing_services.erasures = &erasures;
    restore_mailbox_caps(store, signing_services.mailbox_caps, unix_now());
    SignatureTotals signature_totals{};
    web::add_signing_metrics(metrics, signing_services.counters);
    add_signature_metrics(metrics, signature_totals, outbox.stats());
    add_store_metrics(metrics, store.writer());

    auto admin_pages =
        admin::AdminPages::load((*site)->messages(), (*site)->assets(), (*site)->live_settings());
    if (!admin_pages) return refuse_start(admin_pages.error(), store, &outbox);
    admin::PasswordPool password_pool(config.admin.password_threads, config.admin.password_queue);
    admin::LoginLimits login_limits(config.admin);
    // Compiled in: a list that cannot be read is a bug of the build, found at start.
    auto geography = Geography::parse(embedded::find(departements_path).value_or(""),
                                      embedded::find(regions_path).value_or(""));
    if (!geography) return refuse_start(geography.error(), store, &outbox);
    admin::AdminServices admin_services{**site,        store,        password_pool,
                                        **admin_pages, login_limits, [&outbox] { outbox.notify(); },
                                        &*geography,  *secret};
    // Made now rather than on the first login with an unknown e-mail, which would take
    // twice as long as any other refusal and so tell that the account does not exist. A
    // site with no account yet has none to tell of, and starts without the hash's 64 MiB
    // and its second of work: should one be added while it runs, only the first unknown
    // e-mail after that is slower, once.
    const bool has_accounts = !store.readers()
                                   .read_now<std::vector<store::User>>(
                                       [](store::Database& db) { return store::list_users(db); })
                                   .empty();
    if (has_accounts) (void)accounts::dummy_password_hash(config.admin.password_cost);

    admin::IncidentServices incident_services{admin_services, defence.defence.get(),
                                              *signing->asn_table};
    auto metrics_readers = ops::MetricsReaders::create(config.metrics);
    if (!metrics_readers) return refuse_start(metrics_readers.error(), store, &outbox);
    auto shield = set_up_shield(config, *secret, signing->asn_table.get(), store.readers(), **site);
    web::GateServices gate_services{**site,        *shield.gate_page,
                                    proof_of_work, *shield.front_door,
                                    config.gate,   *shield.spent_tickets};
    // An admin's choice from the back office outlives a restart, over the config's default.
    if (const auto mode = admin::stored_gate_mode(store)) shield.front_door->set_mode(*mode);
    admin::ShieldServices shield_services{admin_services, *shield.front_door};
    web::ProposalServices proposal_services{signing_services, config.submissions, &*geography};
    admin::ModerationServices moderation_services{admin_services, config.submissions, *secret};
    auto router = server_routes({config, catalog, **site, store, proof_of_work, difficulty, metrics,
                                 signing_services, admin_services, incident_services, gate_services,
                                 shield_services, proposal_services, moderation_services},
                                std::move(*metrics_readers));
    add_shield_metrics(metrics, *shield.front_door);
    web::add_page_metrics(metrics, **site);
    auto error_page = [&site = **site](unsigned status, const http::HeaderView& headers,
                                       std::string_view target) {
        return site.error_page(status, headers, target);
    };
    server::Dispatcher dispatcher(std::move(router), metrics, config.server.base_url, error_page,
                                  web::ShieldGuard(*shield.front_door, *shield.gate_page, **site));
    server::add_origin_metrics(metrics, dispatcher.origin_refusals());

    // One io_context a thread: a connection stays on its thread, and the threads share no
    // scheduler lock. The first also runs the listener, the signals and the store watch.
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::io_context*> workers;
    for (unsigned i = 0; i < threads; ++i) {
        contexts.push_back(std::make_unique<asio::io_context>(1));
        workers.push_back(contexts.back().get());
    }
    auto& io = *contexts.front();
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
    for (auto& context : contexts) keep_running.push_back(asio::make_work_guard(*context));
    for (auto& context : contexts) shield.loop_lag->watch(*context);

    net::Application application{
        [&dispatcher](http::Request& request) { return dispatcher.handle(request); }, error_page};
    auto server = net::Server::create(io, config.server, config.limits, std::move(application),
                                      metrics, workers);
    if (!server) return refuse_start(server.error(), store, &outbox);
    (*server)->start();
    asio::co_spawn(io, watch_store(store, catalog, signature_totals), asio::detached);
    asio::co_spawn(
        io,
        run_moderation_digest(store, **site, config.submissions, [&outbox] { outbox.notify(); }),
        asio::detached);
    asio::co_spawn(io, petition_clock(store, **site, [&outbox] { outbox.notify(); }),
                   asio::detached);
    asio::co_spawn(io,
                   run_news_sender(store,
                                   {config.mail.news_per_minute,
                                    [&site = **site] { return site.config().mail.from; }},
                                   [&outbox] { outbox.notify(); }),
                   asio::detached);
    asio::co_spawn(io, run_shield_clock(*shield.front_door), asio::detached);
    asio::co_spawn(io, run_retention(store, config.retention,
                                     std::chrono::minutes(config.retention.pass_every_min)),
                   asio::detached);
    if (config.backup.every_h > 0) asio::co_spawn(io, run_backups(config), asio::detached);
    asio::co_spawn(io,
                   run_refusal_summaries(store, signing_services.refusals, std::chrono::seconds(5)),
                   asio::detached);
    asio::co_spawn(io, server::run_origin_log(dispatcher.origin_refusals()), asio::detached);

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (ec) return;
        spdlog::info("{} signal={}", log_event::server_stopping, signal);
        (*server)->stop([&contexts] {
            for (auto& context : contexts) context->stop();
        });
    });

    spdlog::info("{} listen={} base_url={} threads={}", log_event::server_started,
                 config.server.listen, config.server.base_url, threads);
    std::cerr << "Rempart is listening on " << config.server.base_url << "\n";

    std::vector<std::thread> threads_running;
    for (unsigned i = 1; i < threads; ++i)
        threads_running.emplace_back([context = contexts[i].get()] {
            name_this_thread("rempart-io");
            context->run();
        });
    io.run();
    for (auto& thread : threads_running) thread.join();

    password_pool.stop();
    write_refusal_summaries(store, signing_services.refusals);
    outbox.stop();
    signing->mail_domains.reset();
    store.close();
    spdlog::info("{}", log_event::server_stopped);
    shutdown_logging();
    return 0;
}

}  // namespace rempart::app
