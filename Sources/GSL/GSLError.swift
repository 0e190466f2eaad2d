internal import CGSL

/// A failure reported by GSL (a nonzero status) or by this layer's own checks,
/// thrown instead of GSL's default `abort()`.
public struct GSLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// GSL status code (`GSL_EDOM`, `GSL_EMAXITER`, ...); `GSLError.nonFinite` for NaN/Inf guards.
    public let status: Int32
    /// What was being computed when it failed.
    public let context: String

    public init(status: Int32, context: String) {
        self.status = status
        self.context = context
    }

    /// Status used for a NaN or infinity produced by a user callback or argument.
    public static let nonFinite: Int32 = 1000
    /// Status used for an invalid argument caught before calling GSL.
    public static let invalidArgument: Int32 = Int32(GSL_EINVAL)

    public var description: String {
        let reason: String
        if status == GSLError.nonFinite {
            reason = "non-finite value"
        } else {
            reason = String(cString: gsl_strerror(status))
        }
        return "GSL error \(status) (\(reason)) in \(context)"
    }
}

/// Switches GSL's abort-on-error handler off exactly once per process.
/// Every public entry point of this module touches it before calling GSL.
enum GSLRuntime {
    static let ready: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    @inline(__always)
    static func ensure() { _ = ready }

    /// Throws unless `status` is `GSL_SUCCESS`.
    @inline(__always)
    static func check(_ status: Int32, _ context: @autoclosure () -> String) throws {
        if status != GSL_SUCCESS {
            throw GSLError(status: status, context: context())
        }
    }
}

/// Public hook so that other modules can guarantee the handler is off before
/// any GSL call made on their behalf (e.g. at program start).
public func disableGSLAbortHandler() {
    GSLRuntime.ensure()
}
