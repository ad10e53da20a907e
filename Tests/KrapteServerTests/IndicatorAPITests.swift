import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteServer
import Testing

/// `/api/v1/indicators`: the definitions, their derivation once computed, and their results.
@Suite struct IndicatorAPITests {
    @Test func indicatorsAreListedWithTheirInputsAndResults() async throws {
        let store = try await DemoStore.make()
        try await APITests.app(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get) { response in
                let list = try #require(try APITests.json(response)["indicators"] as? [[String: Any]])
                #expect(list.count == IndicatorDefinitions.shipped.indicators.count)
                let tension = try #require(list.first { $0["id"] as? String == "spanningsindicator" })
                #expect(tension["computed"] as? Bool == true && tension["inputs"] as? [String] == ["demo-spanning"])
                let productivity = try #require(list.first { $0["id"] as? String == "arbeidsproductiviteit-groei" })
                #expect(productivity["computed"] as? Bool == false && productivity["rise"] as? String == "good")
            }
            try await client.execute(uri: "/api/v1/indicators/ww-kort-regio", method: .get) { response in
                let body = try APITests.json(response)
                let derivation = try #require(body["derivation"] as? [String: Any])
                let inputs = try #require(derivation["inputs"] as? [[String: Any]])
                #expect(inputs.first?["dataset"] as? String == "demo-spanning" && inputs.first?["sumOver"] as? [String] == ["Beroep"])
            }
            try await client.execute(uri: "/api/v1/indicators/ww-kort-regio/observations?RegioS=AM01&period=2024KW04", method: .get) { response in
                let observations = try #require(try APITests.json(response)["observations"] as? [[String: Any]])
                #expect(observations.count == 1 && observations[0]["period"] as? String == "2024KW04")
            }
            try await client.execute(uri: "/api/v1/indicators/arbeidsproductiviteit-groei/observations", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/indicators/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Er is geen indicator 'nope'; /api/v1/indicators somt ze op."))
            }
        }
    }
}
