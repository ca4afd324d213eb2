/// Marker types that give each kind of identifier its own type (see ``Identifier``).
public enum IdentifierKind {
    /// Marks ``InstrumentID``.
    public enum Instrument {}
    /// Marks ``ItemID``.
    public enum Item {}
    /// Marks ``ScaleID``.
    public enum Scale {}
    /// Marks ``OutcomeID``.
    public enum Outcome {}
    /// Marks ``BandID``.
    public enum Band {}
    /// Marks ``ResponseScaleID``.
    public enum ResponseScale {}
    /// Marks ``SourceID``.
    public enum Source {}
    /// Marks ``MeasureID``.
    public enum Measure {}
}
