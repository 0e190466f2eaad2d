internal import CGSL

/// Adaptive explicit Runge–Kutta integration of y′ = f(t, y) (GSL `odeiv2` driver).
///
/// The `gsl_odeiv2_system` is heap-allocated and owned here together with the driver
/// (the driver keeps a pointer to it). After a failed step the driver is reset.
/// Not thread-safe: one instance per thread.
public final class ODEIntegrator {
    /// Right-hand side: (t, y, dy/dt out). Must write every component of dy/dt.
    public typealias RHS = (Double, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void

    public enum Stepper: Sendable { case rk8pd, rkf45 }

    final class Box {
        let rhs: RHS
        let dimension: Int
        var nonFinite = false
        init(_ f: @escaping RHS, _ n: Int) { rhs = f; dimension = n }
    }

    private let box: Box
    private let system: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>
    public let dimension: Int
    /// Maximum number of steps per `evolve` call (bounded so a stiff or broken system cannot hang).
    public var maxSteps: Int = 1_000_000

    public init(dimension: Int, stepper: Stepper = .rk8pd, initialStep: Double = 1e-6,
                absoluteTolerance: Double = 1e-10, relativeTolerance: Double = 1e-10,
                rhs: @escaping RHS) throws {
        GSLRuntime.ensure()
        guard dimension >= 1, initialStep != 0, initialStep.isFinite,
              absoluteTolerance >= 0, relativeTolerance >= 0 else {
            throw GSLError(status: GSLError.invalidArgument, context: "ODEIntegrator: dimension/step/tolerances")
        }
        self.dimension = dimension
        box = Box(rhs, dimension)
        system = .allocate(capacity: 1)
        system.initialize(to: gsl_odeiv2_system(
            function: odeTrampoline, jacobian: nil, dimension: dimension,
            params: Unmanaged.passUnretained(box).toOpaque()))
        let type = stepper == .rk8pd ? cgsl_odeiv2_step_rk8pd() : cgsl_odeiv2_step_rkf45()
        guard let d = gsl_odeiv2_driver_alloc_y_new(system, type, initialStep, absoluteTolerance, relativeTolerance) else {
            system.deallocate()
            throw GSLError(status: Int32(GSL_ENOMEM), context: "gsl_odeiv2_driver_alloc_y_new")
        }
        driver = d
    }

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deinitialize(count: 1)
        system.deallocate()
    }

    /// Advances `y` from `t0` to `t1` in place and returns `t1`.
    @discardableResult
    public func evolve(_ y: inout [Double], from t0: Double, to t1: Double) throws -> Double {
        guard y.count == dimension else {
            throw GSLError(status: Int32(GSL_EBADLEN), context: "ODEIntegrator: y has \(y.count) components, expected \(dimension)")
        }
        guard t0.isFinite, t1.isFinite, y.allSatisfy(\.isFinite) else {
            throw GSLError(status: GSLError.nonFinite, context: "ODEIntegrator: non-finite t or y")
        }
        gsl_odeiv2_driver_set_nmax(driver, UInt(maxSteps))
        var t = t0
        box.nonFinite = false
        let status = y.withUnsafeMutableBufferPointer { gsl_odeiv2_driver_apply(driver, &t, t1, $0.baseAddress) }
        if status != GSL_SUCCESS || box.nonFinite {
            gsl_odeiv2_driver_reset(driver)
            if box.nonFinite {
                throw GSLError(status: GSLError.nonFinite, context: "ODEIntegrator: right-hand side not finite near t = \(t)")
            }
            try GSLRuntime.check(status, "gsl_odeiv2_driver_apply stopped at t = \(t)")
        }
        return t
    }
}

private let odeTrampoline: @convention(c) (Double, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutableRawPointer?) -> Int32 = {
    t, y, dydt, params in
    Unmanaged<ODEIntegrator.Box>.fromOpaque(params!)._withUnsafeGuaranteedRef { box in
        let n = box.dimension
        let out = UnsafeMutableBufferPointer(start: dydt!, count: n)
        box.rhs(t, UnsafeBufferPointer(start: y!, count: n), out)
        for v in out where !v.isFinite {
            box.nonFinite = true
            return Int32(GSL_EBADFUNC)
        }
        return Int32(GSL_SUCCESS)
    }
}
