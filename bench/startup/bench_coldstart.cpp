// Cold start: the time from exec to the first top-level window mapped, as the X server sees
// it (its MapNotify on the root window), for a program beside the floor program, in
// interleaved runs. Each run gets an empty home (no settings, no cache, no remembered
// session), so the portal shows its sign-in dialog.
//
// usage: bench_coldstart NAME RUNS FLOOR_EXE -- APP_EXE [ARGS...]   (DISPLAY names the server)
// Prints the runs and one BENCH line: the medians, and their ratio. Beside the wall time it
// prints the CPU time each program had used by the map (all its threads, from the kernel's
// schedstat): on a loaded machine that figure moves far less than the wall time. In the same
// interleaved runs it also starts `FLOOR_EXE --text`, the floor's window with one line of text,
// and prints where the program stands against that too (no bar: a reference).
#include <xcb/xcb.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct XConnection {
    xcb_connection_t *connection = nullptr;
    xcb_window_t root = 0;

    XConnection() {
        connection = xcb_connect(nullptr, nullptr);
        if (xcb_connection_has_error(connection)) {
            std::fprintf(stderr, "bench_coldstart: cannot open the display\n");
            std::exit(2);
        }
        root = xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
        // Every window mapped as a child of the root (a top-level window, there being no
        // window manager to reparent it) is reported to us.
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(connection, root, XCB_CW_EVENT_MASK, &mask);
        sync();
    }
    ~XConnection() { xcb_disconnect(connection); }
    XConnection(const XConnection &) = delete;
    XConnection &operator=(const XConnection &) = delete;

    // A round trip, then everything queued so far is dropped: the windows of an earlier run.
    void sync() {
        free(xcb_get_input_focus_reply(connection, xcb_get_input_focus(connection), nullptr));
        while (xcb_generic_event_t *event = xcb_poll_for_event(connection))
            free(event);
    }

    // Waits for the first top-level, non-override-redirect window to be mapped; false when
    // the program exits first or nothing is mapped within the time limit.
    bool waitForMap(pid_t child, Clock::time_point deadline) {
        const int fd = xcb_get_file_descriptor(connection);
        while (Clock::now() < deadline) {
            while (xcb_generic_event_t *event = xcb_poll_for_event(connection)) {
                const bool mapped = (event->response_type & 0x7f) == XCB_MAP_NOTIFY &&
                                    !reinterpret_cast<xcb_map_notify_event_t *>(event)->override_redirect;
                free(event);
                if (mapped)
                    return true;
            }
            if (xcb_connection_has_error(connection))
                return false;
            int status = 0;
            if (waitpid(child, &status, WNOHANG) == child)
                return false;
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(fd, &readable);
            timeval tick{0, 2000};
            select(fd + 1, &readable, nullptr, nullptr, &tick);
        }
        return false;
    }
};

// The CPU time all threads of a process have run so far, in milliseconds.
double cpuMilliseconds(pid_t pid) {
    double ns = 0;
    std::error_code error;
    for (const auto &task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error))
        if (FILE *stat = std::fopen((task.path() / "schedstat").c_str(), "r")) {
            unsigned long long run = 0;
            if (std::fscanf(stat, "%llu", &run) == 1)
                ns += double(run);
            std::fclose(stat);
        }
    return ns / 1e6;
}

struct Start {
    double wallMs = -1; // negative when no window was mapped
    double cpuMs = 0;
};

// One start of the program in a fresh empty home: from fork to the map.
Start timeOneStart(XConnection &x, const std::vector<std::string> &command) {
    char home[] = "/tmp/knotie-coldstart-XXXXXX";
    if (!mkdtemp(home)) {
        std::perror("mkdtemp");
        std::exit(2);
    }
    x.sync();
    const Clock::time_point start = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const std::string h(home);
        setenv("HOME", home, 1);
        setenv("XDG_CONFIG_HOME", (h + "/.config").c_str(), 1);
        setenv("XDG_CACHE_HOME", (h + "/.cache").c_str(), 1);
        setenv("XDG_DATA_HOME", (h + "/.local/share").c_str(), 1);
        // The portal's single-instance socket goes to the temporary folder, and a killed portal
        // leaves it there: this way it goes with the home.
        setenv("TMPDIR", home, 1);
        if (FILE *null = std::fopen("/dev/null", "w")) {
            dup2(fileno(null), STDOUT_FILENO);
            dup2(fileno(null), STDERR_FILENO);
        }
        std::vector<char *> argv;
        for (const std::string &arg : command)
            argv.push_back(const_cast<char *>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    const bool mapped = x.waitForMap(child, start + std::chrono::seconds(30));
    Start result;
    if (mapped) {
        result.wallMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        result.cpuMs = cpuMilliseconds(child);
    }
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    std::filesystem::remove_all(home);
    return result;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

std::string joined(const std::vector<double> &values) {
    std::string text;
    for (double v : values) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%s%.1f", text.empty() ? "" : " ", v);
        text += buffer;
    }
    return text;
}

} // namespace

int main(int argc, char *argv[]) {
    if (argc < 6 || std::strcmp(argv[4], "--") != 0) {
        std::fprintf(stderr, "usage: bench_coldstart NAME RUNS FLOOR_EXE -- APP_EXE [ARGS...]\n");
        return 2;
    }
    const std::string name = argv[1];
    const int runs = std::max(1, std::atoi(argv[2]));
    const std::vector<std::string> floorCommand{argv[3]};
    const std::vector<std::string> textCommand{argv[3], "--text"};
    const std::vector<std::string> appCommand(argv + 5, argv + argc);
    const std::vector<const std::vector<std::string> *> commands{&appCommand, &floorCommand, &textCommand};

    XConnection x;
    // One warm-up start of each: the page cache then holds both programs and their libraries,
    // as on a desktop where Qt programs ran before.
    for (const auto *command : commands)
        if (timeOneStart(x, *command).wallMs < 0) {
            std::fprintf(stderr, "bench_coldstart: %s mapped no window\n", command->front().c_str());
            return 1;
        }
    // Wall and CPU times by program, in the order of `commands`.
    std::vector<double> wall[3], cpu[3];
    for (int run = 0; run < runs; ++run) {
        // A turning order, so that no program always follows the same one.
        for (std::size_t turn = 0; turn < commands.size(); ++turn) {
            const std::size_t program = (turn + std::size_t(run)) % commands.size();
            const Start started = timeOneStart(x, *commands[program]);
            if (started.wallMs < 0) {
                std::fprintf(stderr, "bench_coldstart: %s mapped no window\n",
                             commands[program]->front().c_str());
                return 1;
            }
            wall[program].push_back(started.wallMs);
            cpu[program].push_back(started.cpuMs);
        }
    }
    const std::vector<double> &app = wall[0], &floor = wall[1], &appCpu = cpu[0], &floorCpu = cpu[1];
    const double a = median(app), f = median(floor), t = median(wall[2]);
    std::printf("runs: %s %s ms, floor %s ms\n", name.c_str(), joined(app).c_str(), joined(floor).c_str());
    const double ac = median(appCpu), fc = median(floorCpu);
    std::printf("cpu by the map: %s %.1f ms, floor %.1f ms, ratio %.2f (runs: %s | %s)\n", name.c_str(), ac,
                fc, ac / fc, joined(appCpu).c_str(), joined(floorCpu).c_str());
    std::printf(
        "(the floor's window with one line of text: %.2f ms, %.2f× the floor; the program is %.2f× that)\n",
        t, t / f, a / t);
    std::printf("BENCH %s %.2f ms floor=%.2f ratio=%.2f target<=1.5 goal<=1.2\n", name.c_str(), a, f, a / f);
    return 0;
}
