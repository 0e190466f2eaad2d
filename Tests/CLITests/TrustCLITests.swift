import Foundation
import Testing
@testable import StellarboundCLI

/// Issue 18 ("Trust"): defects a referee-minded user trips over, each with the test that failed before its fix.
@Suite("CLI: trust")
struct TrustCLITests {
    /// (2) A wrong $STELLARBOUND_DATA used to fall back silently to the stock data with exit 0.
    @Test("a STELLARBOUND_DATA that holds no data is exit 2 naming the variable, not a silent fallback")
    func wrongDataEnvironment() throws {
        for args in [["data-dir", "--json"], ["flash", "--json"], ["bound", "--no-systematics"]] {
            let (code, out, err) = try CLITests.run(args, environment: ["STELLARBOUND_DATA": "/nonexistent/StellarModels"])
            #expect(code == 2, "\(args): \(err)")
            #expect(err.contains("STELLARBOUND_DATA") && err.contains("/nonexistent/StellarModels"), "\(err)")
            #expect(out.isEmpty)
        }
        let (code, _, err) = try CLITests.run(["data-dir", "--data-dir", "/tmp"])
        #expect(code == 2 && err.contains("--data-dir"), "\(err)")
    }
}
