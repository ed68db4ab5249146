// Package laeringsliv holds the domain of Læringslivet: collective further education through
// employee-driven innovation. It defines the types, their validation, the authorisation policy
// and the service interfaces that the storage and HTTP packages implement and use. It imports
// nothing technical: no SQL, no HTTP, no drivers.
//
// Glossary (Norwegian → code): arbeidsplass → Workplace, kommune → municipality,
// samling → gathering, arbeidskrav → work requirement, årsverk → FTEs,
// fellesprosjekt → shared Project, tillitsvalgt → union representative, vaktlag → shift team.
package laeringsliv
