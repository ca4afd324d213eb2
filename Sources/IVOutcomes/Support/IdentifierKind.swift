/// Marker types that give each kind of identifier its own type.
public enum IdentifierKind {
    public enum Instrument {}
    public enum Item {}
    public enum Scale {}
    public enum Outcome {}
    public enum Child {}
}
