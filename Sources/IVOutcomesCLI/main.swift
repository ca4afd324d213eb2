import IVOutcomes
do {
    let catalog = try InstrumentCatalog.builtIn
    for i in catalog.instruments { print(i.id, i.items.count, i.scales.map(\.id)) }
} catch { print(error) }
