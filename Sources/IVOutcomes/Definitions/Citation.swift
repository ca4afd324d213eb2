/// A publication or page that a definition cites, referred to by `id` from every number it supports.
public struct Citation: Sendable, Hashable, Codable, Identifiable {
    /// The id other fields of the definition cite it by.
    public let id: SourceID
    /// The reference, as a reader would cite it.
    public let citation: String
    /// Where to find it, when online.
    public let url: String?

    /// A source the definition cites.
    public init(id: SourceID, citation: String, url: String?) {
        self.id = id
        self.citation = citation
        self.url = url
    }
}
