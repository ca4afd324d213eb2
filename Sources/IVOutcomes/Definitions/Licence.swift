/// The terms under which an instrument may be used, and the notice every copy must carry.
public struct Licence: Sendable, Hashable, Codable {
    /// Short name, such as "WEMWBS non-commercial licence".
    public let name: String
    /// The copyright statement to print wherever the scale or its scores are published.
    public let copyright: String
    /// What a user must do before administering the instrument.
    public let terms: String
    /// Where the licence is published.
    public let url: String?

    /// A licence with its terms.
    public init(name: String, copyright: String, terms: String, url: String?) {
        self.name = name
        self.copyright = copyright
        self.terms = terms
        self.url = url
    }
}
