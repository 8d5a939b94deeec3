import {
  Cell as AriaCell,
  Column as AriaColumn,
  Row as AriaRow,
  Table as AriaTable,
  TableBody as AriaTableBody,
  TableHeader as AriaTableHeader,
  type CellProps,
  type ColumnProps,
  type RowProps,
  type TableBodyProps,
  type TableHeaderProps,
  type TableProps,
} from 'react-aria-components'
import './DataTable.css'

type TNoClass<P> = Omit<P, 'className'>

/** A read-only data grid (React Aria Table): arrow keys move between rows and cells. */
export function DataTable(props: TNoClass<TableProps>) {
  return (
    <div className="ui-table__scroll">
      <AriaTable {...props} className="ui-table" />
    </div>
  )
}

export function DataTableHeader<T extends object>(props: TNoClass<TableHeaderProps<T>>) {
  return <AriaTableHeader {...props} className="ui-table__header" />
}

export function DataColumn(props: TNoClass<ColumnProps>) {
  return <AriaColumn {...props} className="ui-table__column" />
}

export function DataTableBody<T extends object>(props: TNoClass<TableBodyProps<T>>) {
  return <AriaTableBody {...props} className="ui-table__body" />
}

export function DataRow<T extends object>(props: TNoClass<RowProps<T>>) {
  return <AriaRow {...props} className="ui-table__row" />
}

export function DataCell(props: TNoClass<CellProps>) {
  return <AriaCell {...props} className="ui-table__cell" />
}
