#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time (user + system) consumed so far, in seconds: by the whole process (all threads) or by
/// the calling thread. For profiling figures only; nothing decides anything by them.
public enum CPUClock {
    /// CPU seconds used by every thread of the process so far.
    public static var process: Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    /// CPU seconds used by the calling thread so far.
    public static var thread: Double { seconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var now = timespec()
        guard clock_gettime(clock, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
