/// A publication or page that a definition cites, referred to by `id` from every number it supports.
public struct Citation: Sendable, Hashable, Codable, Identifiable {
    public let id: SourceID
    public let citation: String
    public let url: String?

    public init(id: SourceID, citation: String, url: String?) {
        self.id = id
        self.citation = citation
        self.url = url
    }
}
