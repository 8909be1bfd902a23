import Foundation
import NBLearning

/// What a figure was measured on: the CPU model, its widest vector extension, the thread count, the
/// BLAS library with the kernel it selected and the elementwise kernels' instruction set, printed at
/// the top of every report (a speed-up on one CPU class is not a result on another).
enum BenchmarkMachine {
    static var description: String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        // Virtual machines often report a generic name ("Intel(R) Xeon(R) Processor"): the vendor,
        // family and model numbers say which CPU it is (family 6 model 207: Emerald Rapids).
        let name = field("model name", in: info) ?? "unknown CPU"
        let numbers = [("vendor_id", ""), ("cpu family", "family "), ("model", "model ")].compactMap { key, label in
            field(key, in: info).map { label + $0 }
        }
        let model = numbers.isEmpty ? name : "\(name) (\(numbers.joined(separator: " ")))"
        let flags = Set((field("flags", in: info) ?? "").split(separator: " ").map(String.init))
        let isa = flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : flags.contains("sse4_2") ? "SSE4.2" : "baseline x86-64"
        return "machine: \(model), \(isa), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ComputeThreads.count) compute threads\n\(ComputeBackend.description)"
    }

    private static func field(_ name: String, in info: String) -> String? {
        for line in info.split(separator: "\n") where line.hasPrefix(name) {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces) == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
